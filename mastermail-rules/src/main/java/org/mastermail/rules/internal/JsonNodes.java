package org.mastermail.rules.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.mastermail.InvalidInputException;

/** A JSON node with its path in the document ({@code rules[3].conditions.any[1]}), for errors that say where. */
final class JsonNodes {
  final JsonNode node;
  final String path;

  JsonNodes(JsonNode node, String path) {
    this.node = node;
    this.path = path;
  }

  InvalidInputException fail(String message) {
    return new InvalidInputException((path.isEmpty() ? "(document)" : path) + ": " + message);
  }

  private String child(String name) {
    return path.isEmpty() ? name : path + "." + name;
  }

  /** The object's field, or null when absent (or JSON null). */
  @Nullable JsonNodes optional(String name) {
    JsonNode value = node.get(name);
    return value == null || value.isNull() ? null : new JsonNodes(value, child(name));
  }

  JsonNodes required(String name) {
    JsonNodes value = optional(name);
    if (value == null) {
      throw new InvalidInputException(child(name) + ": is required");
    }
    return value;
  }

  /** Fails when the node is not an object or has a field not in {@code allowed}. */
  JsonNodes object(String... allowed) {
    if (!node.isObject()) {
      throw fail("expected an object");
    }
    Set<String> known = Set.of(allowed);
    Iterator<String> names = node.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      if (!known.contains(name)) {
        throw new InvalidInputException(child(name) + ": unknown field; expected one of " + String.join(", ", allowed));
      }
    }
    return this;
  }

  /** The one field of an object like {@code {"subject": {...}}}, named one of {@code allowed}. */
  Map.Entry<String, JsonNodes> single(Set<String> allowed) {
    if (!node.isObject() || node.size() != 1) {
      throw fail("expected an object with exactly one field, one of " + String.join(", ", new LinkedHashSet<>(allowed)));
    }
    String name = node.fieldNames().next();
    JsonNodes value = new JsonNodes(node.get(name), child(name));
    if (!allowed.contains(name)) {
      throw value.fail("unknown; expected one of " + String.join(", ", allowed));
    }
    return Map.entry(name, value);
  }

  List<JsonNodes> array() {
    if (!node.isArray()) {
      throw fail("expected an array");
    }
    List<JsonNodes> items = new ArrayList<>(node.size());
    for (int i = 0; i < node.size(); i++) {
      items.add(new JsonNodes(node.get(i), path + "[" + i + "]"));
    }
    return items;
  }

  String text() {
    if (!node.isTextual()) {
      throw fail("expected a string");
    }
    return node.textValue();
  }

  /** A string or an array of strings. */
  List<String> texts() {
    if (node.isTextual()) {
      return List.of(node.textValue());
    }
    List<String> values = new ArrayList<>();
    for (JsonNodes item : array()) {
      values.add(item.text());
    }
    return values;
  }

  boolean bool() {
    if (!node.isBoolean()) {
      throw fail("expected true or false");
    }
    return node.booleanValue();
  }

  long longValue() {
    if (!node.isIntegralNumber() || !node.canConvertToLong()) {
      throw fail("expected a whole number");
    }
    return node.longValue();
  }

  int intValue() {
    if (!node.isIntegralNumber() || !node.canConvertToInt()) {
      throw fail("expected a whole number");
    }
    return node.intValue();
  }

  /** Runs a constructor that validates, reporting its complaint at this node's path. */
  <T> T build(Supplier<T> constructor) {
    try {
      return constructor.get();
    } catch (InvalidInputException | IllegalArgumentException | NullPointerException e) {
      throw new InvalidInputException((path.isEmpty() ? "(document)" : path) + ": " + e.getMessage(), e);
    }
  }
}
