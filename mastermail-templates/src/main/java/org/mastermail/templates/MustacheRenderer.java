package org.mastermail.templates;

import static java.util.Objects.requireNonNull;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.MustacheException;
import com.samskivert.mustache.Template;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.mastermail.outbound.TemplateException;
import org.mastermail.outbound.TemplateRenderer;

/**
 * Mustache templates, rendered with <a href="https://github.com/samskivert/jmustache">JMustache</a>.
 *
 * <pre>{@code
 * MasterMail mm = MasterMail.builder().storage(storage).templates(new MustacheRenderer()).build();
 *
 * TemplateRenderer renderer = MustacheRenderer.builder().locale(Locale.GERMANY).build();
 * renderer.render("Guten Tag {{tenant.name}}, fällig am {{due}}", data, false);
 * }</pre>
 *
 * <p>What a template may use, and how it fails:
 * <ul>
 *   <li>{@code {{name}}} inserts a value; with {@code html} true it is escaped for HTML ({@code & < > " ' ` =}),
 *       in plain text it is inserted as it is. {@code {{{name}}}} and {@code {{&name}}} never escape. A value is
 *       never read as a template: data holding {@code {{x}}} comes out as {@code {{x}}}.</li>
 *   <li>A variable whose key is missing from the data, or whose value is null, fails with a
 *       {@link TemplateException} naming the key and its line; it is never rendered empty.</li>
 *   <li>A section {@code {{#items}}…{{/items}}} or inverted section {@code {{^items}}…{{/items}}} whose key is
 *       missing fails the same way, since a misspelt key would otherwise hide the section silently. A key present
 *       with a false value (false, null, an empty list or array, an empty string) is fine: the section is skipped
 *       and the inverted section shown.</li>
 *   <li>Names may be dotted ({@code {{tenant.name}}}) and reach into maps, records ({@code name()}), JavaBeans
 *       ({@code getName()}, {@code isActive()}) and public fields. A section over a list repeats for each element;
 *       inside it, {@code {{.}}} is the element, {@code {{-first}}}, {@code {{-last}}} and {@code {{-index}}}
 *       (from 1) say where it stands, and keys not found in the element are looked up in the enclosing data.</li>
 *   <li>A malformed template (a section not closed, a close tag without its open tag, a tag without its
 *       <code>}}</code>) fails with a {@link TemplateException} giving the parser's message and line.</li>
 *   <li>Partials ({@code {{> name}}}) are not supported: rendering one fails.</li>
 * </ul>
 *
 * <p>Values are turned into text with {@link String#valueOf(Object)} unless the builder sets a {@link Builder#locale
 * locale} or a {@link Builder#formatter formatter}. Compiled templates are kept in a least-recently-used cache keyed
 * by template text and {@code html} ({@value #DEFAULT_CACHE_SIZE} by default), so a bulk send compiles its template
 * once. Thread-safe.
 */
public final class MustacheRenderer implements TemplateRenderer {
  /** Compiled templates kept by default. */
  public static final int DEFAULT_CACHE_SIZE = 256;

  private final Mustache.Compiler plainCompiler;
  private final Mustache.Compiler htmlCompiler;
  private final int cacheSize;
  private final LinkedHashMap<Key, Template> cache;
  private final AtomicLong compilations = new AtomicLong();

  /** A renderer with the defaults: values as {@link String#valueOf(Object)}, {@value #DEFAULT_CACHE_SIZE} cached. */
  public MustacheRenderer() {
    this(new Builder());
  }

  private MustacheRenderer(Builder builder) {
    Mustache.Compiler base = Mustache.compiler()
        .strictSections(true)
        .emptyStringIsFalse(true)
        .withLoader(name -> {
          throw new TemplateException("partials are not supported: {{> " + name + "}}");
        });
    Function<Object, String> formatter = builder.formatter();
    if (formatter != null) {
      base = base.withFormatter(value -> requireNonNull(formatter.apply(value), "formatter result"));
    }
    this.plainCompiler = base.escapeHTML(false);
    this.htmlCompiler = base.escapeHTML(true);
    this.cacheSize = builder.cacheSize;
    this.cache = new LinkedHashMap<>(16, 0.75f, true) {
      private static final long serialVersionUID = 1L;

      @Override
      protected boolean removeEldestEntry(Map.Entry<Key, Template> eldest) {
        return size() > MustacheRenderer.this.cacheSize;
      }
    };
  }

  public static Builder builder() {
    return new Builder();
  }

  @Override
  public String render(String template, Map<String, ?> data, boolean html) {
    requireNonNull(template, "template");
    requireNonNull(data, "data");
    Template compiled = compiled(template, html);
    try {
      return compiled.execute(data);
    } catch (MustacheException.Context e) {
      if (e.getCause() != null) {
        throw new TemplateException("could not read template key '" + e.key + "' on line " + e.lineNo + ": "
            + e.getCause().getMessage(), e);
      }
      throw new TemplateException("template key '" + e.key + "' on line " + e.lineNo
          + " has no value in the data", e);
    } catch (MustacheException e) {
      throw new TemplateException("template could not be rendered: " + e.getMessage(), e);
    }
  }

  /** Compiles {@code template} (and keeps it for later renders), failing with TemplateException when malformed. */
  @Override
  public void check(String template) {
    requireNonNull(template, "template");
    compiled(template, false);
  }

  /** How many times a template was compiled: for tests of the cache. */
  long compilations() {
    return compilations.get();
  }

  private Template compiled(String template, boolean html) {
    if (cacheSize == 0) {
      return compile(template, html);
    }
    Key key = new Key(template, html);
    // compiling under the lock keeps it to once per template; it takes microseconds for a mail template
    synchronized (cache) {
      Template compiled = cache.get(key);
      if (compiled == null) {
        compiled = compile(template, html);
        cache.put(key, compiled);
      }
      return compiled;
    }
  }

  private Template compile(String template, boolean html) {
    compilations.incrementAndGet();
    requireClosedTags(template);
    try {
      return (html ? htmlCompiler : plainCompiler).compile(template);
    } catch (MustacheException e) {
      throw new TemplateException("malformed template: " + e.getMessage(), e);
    } catch (RuntimeException e) {
      // JMustache lets some malformed tags through as other exceptions, e.g. "{{}}"
      throw new TemplateException("malformed template: the parser failed with " + e, e);
    }
  }

  // JMustache keeps a tag that is opened but never closed ("Dear {{name") as text, so it would reach the recipient
  // as written. Only the last "{{" can be left so, since any later "}}" closes it. Templates that change their
  // delimiters are left to the parser.
  private static void requireClosedTags(String template) {
    if (template.contains("{{=")) {
      return;
    }
    int open = template.lastIndexOf("{{");
    if (open >= 0 && template.indexOf("}}", open + 2) < 0) {
      int line = 1;
      for (int i = 0; i < open; i++) {
        if (template.charAt(i) == '\n') {
          line++;
        }
      }
      throw new TemplateException(
          "malformed template: tag opened with '{{' is never closed with '}}' @ line " + line);
    }
  }

  private record Key(String template, boolean html) {}

  /** Options of a {@link MustacheRenderer}. */
  public static final class Builder {
    private int cacheSize = DEFAULT_CACHE_SIZE;
    private @Nullable Locale locale;
    private @Nullable Function<Object, String> formatter;

    private Builder() {}

    /** How many compiled templates to keep (default {@value MustacheRenderer#DEFAULT_CACHE_SIZE}); 0: none. */
    public Builder cacheSize(int value) {
      if (value < 0) {
        throw new IllegalArgumentException("cacheSize must not be negative: " + value);
      }
      this.cacheSize = value;
      return this;
    }

    /**
     * Formats values for {@code locale}: {@code LocalDate} as a medium date ({@code 01.03.2026} in German),
     * {@code LocalDateTime}, {@code ZonedDateTime} and {@code OffsetDateTime} as a medium date and time,
     * {@code LocalTime} as a short time, {@code BigDecimal} with its scale and {@code double} / {@code float} with up
     * to three decimals, both with the locale's separators and grouping. Whole numbers ({@code int}, {@code long},
     * {@code BigInteger}) stay as they are, since they are often ids and years; an {@code Instant} has no zone and
     * stays ISO-8601: convert it to a {@code ZonedDateTime} in the recipient's zone first. Other values as
     * {@link String#valueOf(Object)}. Not with {@link #formatter}.
     */
    public Builder locale(Locale value) {
      this.locale = requireNonNull(value, "locale");
      return this;
    }

    /**
     * Turns every value (strings too) into text before it is escaped; must be thread-safe and never return null.
     * Not with {@link #locale}.
     */
    public Builder formatter(Function<Object, String> value) {
      this.formatter = requireNonNull(value, "formatter");
      return this;
    }

    /**
     * The renderer.
     *
     * @throws IllegalStateException when both a locale and a formatter were set
     */
    public MustacheRenderer build() {
      if (locale != null && formatter != null) {
        throw new IllegalStateException("set a locale or a formatter, not both");
      }
      return new MustacheRenderer(this);
    }

    private @Nullable Function<Object, String> formatter() {
      return locale != null ? new LocalizedFormatter(locale) : formatter;
    }
  }
}
