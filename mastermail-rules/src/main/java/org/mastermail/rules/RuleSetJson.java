package org.mastermail.rules;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.mastermail.InvalidInputException;
import org.mastermail.rules.internal.RuleJsonReader;
import org.mastermail.rules.internal.RuleJsonWriter;

/**
 * The JSON form of a {@link RuleSet}: what {@link RuleAdmin} stores and what an admin UI edits. Conditions and actions
 * are objects with one field naming them:
 *
 * <pre>{@code
 * {"rules": [
 *   {"id": "spam", "conditions": {"spam": true}, "actions": [{"markSpam": true}, {"stop": true}]},
 *   {"id": "vip", "name": "VIP clients",
 *    "conditions": {"all": [{"fromDomain": ["client.example"]}, {"not": {"subject": {"regex": "(?i)newsletter"}}}]},
 *    "actions": [{"assign": "alice@acme.example"}, {"due": {"endOfDay": true, "urgent": true}},
 *                {"link": {"type": "case", "source": "subject", "regex": "Case #(\\d+)"}}]},
 *   {"id": "rest", "actions": [{"assignTeam": {"name": "desk", "members": ["bob@acme.example", "carol@acme.example"],
 *                                              "strategy": "roundRobin"}}]}
 * ]}
 * }</pre>
 *
 * <p>Parsing is strict: an unknown field, a wrong type or an invalid value fails with an
 * {@link InvalidInputException} naming the place, such as
 * {@code rules[3].conditions.any[1].subject.regex: invalid pattern Unclosed group near index 4 of '(abc'}.
 */
public final class RuleSetJson {
  private static final JsonMapper MAPPER = JsonMapper.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .enable(SerializationFeature.INDENT_OUTPUT)
      .build();

  private RuleSetJson() {}

  /**
   * Reads and validates a rule set.
   *
   * @throws InvalidInputException naming the field and position of the first mistake
   */
  public static RuleSet parse(String json) {
    JsonNode root;
    try {
      root = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      String where = e.getLocation() == null ? ""
          : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
      throw new InvalidInputException("not valid JSON" + where + ": " + e.getOriginalMessage(), e);
    }
    if (root == null || root.isMissingNode()) {
      throw new InvalidInputException("not valid JSON: the document is empty");
    }
    return RuleJsonReader.read(root);
  }

  /** Writes {@code rules} as indented JSON that {@link #parse} reads back to an equal rule set. */
  public static String write(RuleSet rules) {
    try {
      return MAPPER.writeValueAsString(RuleJsonWriter.write(rules));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree could not be written", e);
    }
  }
}
