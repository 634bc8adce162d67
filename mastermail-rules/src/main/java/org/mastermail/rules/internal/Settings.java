package org.mastermail.rules.internal;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.ZoneId;
import java.util.random.RandomGenerator;
import org.mastermail.rules.AutoReplySink;
import org.mastermail.rules.Directory;
import org.mastermail.rules.ForwardSink;

/** What the engine was built with. */
public record Settings(Directory directory, Clock clock, ZoneId zone, RandomGenerator random, AutoReplySink replies,
    ForwardSink forwards, int cacheSize, boolean indexed) {
  public Settings {
    requireNonNull(directory, "directory");
    requireNonNull(clock, "clock");
    requireNonNull(zone, "zone");
    requireNonNull(random, "random");
    requireNonNull(replies, "replies");
    requireNonNull(forwards, "forwards");
  }
}
