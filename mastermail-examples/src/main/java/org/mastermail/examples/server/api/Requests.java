package org.mastermail.examples.server.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.mastermail.InvalidInputException;
import org.mastermail.conversation.ConversationId;
import org.mastermail.conversation.ConversationRef;

/** Reading requests: JSON bodies, query parameters and path ids, every mistake an {@link InvalidInputException}. */
final class Requests {
  private final ObjectMapper json;

  Requests(ObjectMapper json) {
    this.json = json;
  }

  /**
   * The body as {@code type}; an empty body reads as {@code {}}, so that actions without arguments need none. A body
   * must be declared JSON: a form post from another site cannot then reach the API.
   */
  <T> T body(Context ctx, Class<T> type) {
    String text = ctx.body();
    if (text.isBlank()) {
      text = "{}";
    } else if (!ctx.isJson()) {
      throw ApiException.notJson();
    }
    try {
      T value = json.readValue(text, type);
      if (value == null) {
        throw new InvalidInputException("the request body must be a JSON object");
      }
      return value;
    } catch (JsonProcessingException e) {
      throw new InvalidInputException("the request body is not what " + ctx.path() + " expects: "
          + e.getOriginalMessage(), e);
    }
  }

  static ConversationRef ref(ConversationId id, @Nullable Long version) {
    return version == null ? ConversationRef.latest(id) : ConversationRef.at(id, version);
  }

  static <T> T required(@Nullable T value, String name) {
    if (value == null) {
      throw new InvalidInputException(name + " is required");
    }
    return value;
  }

  static @Nullable String query(Context ctx, String name) {
    String value = ctx.queryParam(name);
    return value == null || value.isBlank() ? null : value.strip();
  }

  /** Every value of a parameter given repeatedly or comma-separated ({@code ?status=a,b&status=c}). */
  static <T> List<T> queryList(Context ctx, String name, Function<String, T> parse) {
    List<T> out = new ArrayList<>();
    for (String value : ctx.queryParams(name)) {
      for (String part : value.split(",")) {
        if (!part.isBlank()) {
          out.add(parse.apply(part.strip()));
        }
      }
    }
    return out;
  }

  static int queryInt(Context ctx, String name, int fallback, int min, int max) {
    String value = query(ctx, name);
    if (value == null) {
      return fallback;
    }
    try {
      int n = Integer.parseInt(value);
      if (n < min || n > max) {
        throw new InvalidInputException(name + " must be " + min + " to " + max + ", was " + n);
      }
      return n;
    } catch (NumberFormatException e) {
      throw new InvalidInputException(name + " must be a whole number, was '" + value + "'", e);
    }
  }

  /** A path segment that must be a non-negative whole number. */
  static int pathInt(String value, String name) {
    try {
      int n = Integer.parseInt(value);
      if (n < 0) {
        throw new InvalidInputException(name + " must not be negative, was " + n);
      }
      return n;
    } catch (NumberFormatException e) {
      throw new InvalidInputException(name + " must be a whole number, was '" + value + "'", e);
    }
  }

  static @Nullable Instant queryInstant(Context ctx, String name) {
    String value = query(ctx, name);
    try {
      return value == null ? null : Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw new InvalidInputException(name + " must be an ISO-8601 instant such as 2026-03-02T09:00:00Z, was '"
          + value + "'", e);
    }
  }

  /** The constant of {@code type} named {@code value}, ignoring case; the error lists the names accepted. */
  static <E extends Enum<E>> E enumValue(Class<E> type, String name, String value) {
    for (E e : type.getEnumConstants()) {
      if (e.name().equalsIgnoreCase(value.replace('-', '_'))) {
        return e;
      }
    }
    List<String> names = Arrays.stream(type.getEnumConstants())
        .map(e -> e.name().toLowerCase(Locale.ROOT)).toList();
    throw new InvalidInputException(name + " must be one of " + names + ", was '" + value + "'");
  }
}
