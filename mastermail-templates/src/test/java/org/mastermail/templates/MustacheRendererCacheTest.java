package org.mastermail.templates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.mastermail.outbound.TemplateException;

/** Compiled templates are kept, bounded, and shared safely between threads. */
class MustacheRendererCacheTest {
  @Test
  void sameTemplateShouldBeCompiledOnce() {
    MustacheRenderer renderer = new MustacheRenderer();
    for (int i = 0; i < 100; i++) {
      assertThat(renderer.render("n={{n}}", Map.of("n", i), false)).isEqualTo("n=" + i);
    }
    assertThat(renderer.compilations()).isEqualTo(1);
  }

  @Test
  void htmlAndPlainTextShouldBeCompiledApart() {
    MustacheRenderer renderer = new MustacheRenderer();
    assertThat(renderer.render("{{v}}", Map.of("v", "<&>"), true)).isEqualTo("&lt;&amp;&gt;");
    assertThat(renderer.render("{{v}}", Map.of("v", "<&>"), false)).isEqualTo("<&>");
    assertThat(renderer.render("{{v}}", Map.of("v", "<&>"), true)).isEqualTo("&lt;&amp;&gt;");
    assertThat(renderer.compilations()).isEqualTo(2);
  }

  @Test
  void leastRecentlyUsedTemplateShouldBeDroppedWhenTheCacheIsFull() {
    MustacheRenderer renderer = MustacheRenderer.builder().cacheSize(2).build();
    renderer.render("a{{v}}", Map.of("v", 1), false);
    renderer.render("b{{v}}", Map.of("v", 1), false);
    renderer.render("a{{v}}", Map.of("v", 1), false); // a is now the most recent
    renderer.render("c{{v}}", Map.of("v", 1), false); // drops b
    assertThat(renderer.compilations()).isEqualTo(3);
    renderer.render("a{{v}}", Map.of("v", 1), false);
    assertThat(renderer.compilations()).isEqualTo(3);
    renderer.render("b{{v}}", Map.of("v", 1), false);
    assertThat(renderer.compilations()).isEqualTo(4);
  }

  @Test
  void cacheSizeZeroShouldCompileEveryTime() {
    MustacheRenderer renderer = MustacheRenderer.builder().cacheSize(0).build();
    renderer.render("{{v}}", Map.of("v", 1), false);
    renderer.render("{{v}}", Map.of("v", 1), false);
    assertThat(renderer.compilations()).isEqualTo(2);
  }

  @Test
  void malformedTemplateShouldNotBeCachedAndShouldFailEachTime() {
    MustacheRenderer renderer = new MustacheRenderer();
    for (int i = 0; i < 2; i++) {
      assertThatThrownBy(() -> renderer.render("{{#a}}", Map.of("a", true), false))
          .isInstanceOf(TemplateException.class);
    }
    assertThat(renderer.compilations()).isEqualTo(2);
  }

  @Test
  void eightThreadsRenderingAThousandTimesShouldAllGetTheirOwnOutput() throws Exception {
    MustacheRenderer renderer = new MustacheRenderer();
    List<String> templates = List.of(
        "Dear {{name}}, case {{n}}{{#items}} [{{.}}]{{/items}}",
        "<p>{{name}} &middot; {{n}}</p>{{#items}}<li>{{.}}</li>{{/items}}");
    int threads = 8;
    int renders = 1000;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Callable<Integer>> tasks = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        tasks.add(() -> {
          start.await();
          int checked = 0;
          for (int i = 0; i < renders; i++) {
            String name = "Jiří<" + thread + ">";
            List<String> items = List.of("a" + i, "b" + thread);
            Map<String, Object> data = Map.of("name", name, "n", i, "items", items);
            boolean html = i % 2 == 1;
            String out = renderer.render(templates.get(i % 2), data, html);
            String expected = html
                ? "<p>Jiří&lt;" + thread + "&gt; &middot; " + i + "</p><li>a" + i + "</li><li>b" + thread + "</li>"
                : "Dear Jiří<" + thread + ">, case " + i + " [a" + i + "] [b" + thread + "]";
            if (!out.equals(expected)) {
              throw new AssertionError("thread " + thread + " render " + i + ": " + out);
            }
            checked++;
          }
          return checked;
        });
      }
      List<Future<Integer>> futures = new ArrayList<>();
      for (Callable<Integer> task : tasks) {
        futures.add(pool.submit(task));
      }
      start.countDown();
      int total = 0;
      for (Future<Integer> future : futures) {
        total += future.get(60, TimeUnit.SECONDS);
      }
      assertThat(total).isEqualTo(threads * renders);
      assertThat(renderer.compilations()).isEqualTo(2);
    } finally {
      pool.shutdownNow();
    }
  }
}
