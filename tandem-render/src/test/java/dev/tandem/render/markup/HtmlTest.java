package dev.tandem.render.markup;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlTest {

    @Test
    void escapesEveryCharacterThatCanBreakOutOfContentOrAttributes() {
        assertThat(Html.escape("<script>alert('x' & \"y\")</script>"))
                .isEqualTo("&lt;script&gt;alert(&#39;x&#39; &amp; &quot;y&quot;)&lt;/script&gt;");
    }

    @Test
    void leavesPlainTextAloneAndNullEmpty() {
        assertThat(Html.escape("CRA Art 14(2)(a) — 24 h")).isEqualTo("CRA Art 14(2)(a) — 24 h");
        assertThat(Html.escape(null)).isEmpty();
        assertThat(Html.escape("&amp;")).isEqualTo("&amp;amp;");
    }
}
