package org.mastermail.status;

import java.util.List;

/** The five statuses every new tenant starts with; the tenant admin may rename, reorder, add and remove them. */
public final class DefaultStatuses {
  public static final String RECEIVED = "received";
  public static final String IN_PROGRESS = "in progress";
  public static final String WAITING_FOR_ANSWER = "waiting for answer";
  public static final String WAITING_FOR_URGENT_ANSWER = "waiting for urgent answer";
  public static final String ARCHIVED = "archived";

  /** Name and category of each default, in list order. */
  public record Seed(String name, StatusCategory category) {}

  public static final List<Seed> SEEDS = List.of(
      new Seed(RECEIVED, StatusCategory.OPEN),
      new Seed(IN_PROGRESS, StatusCategory.OPEN),
      new Seed(WAITING_FOR_ANSWER, StatusCategory.WAITING),
      new Seed(WAITING_FOR_URGENT_ANSWER, StatusCategory.WAITING),
      new Seed(ARCHIVED, StatusCategory.CLOSED));

  private DefaultStatuses() {}
}
