package dev.tandem.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.server.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web UI in a real browser (headless Chromium): log in, create a product, upload an SBOM,
 * filter the findings (htmx), triage the known-exploited finding and check what the pages show;
 * screenshots of the main pages go to target/screenshots/.
 */
class WebUiTest {

    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start("web", true);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void logInUploadTriageAndSeeTheResult() throws Exception {
        WebDriver browser = Browser.get();
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        browser.manage().deleteAllCookies();

        browser.get(server.base() + "/");
        assertThat(browser.getCurrentUrl()).contains("/login?next=");
        assertLabelled(browser);
        assertReadable(browser);
        Browser.screenshot("01-login");
        browser.findElement(By.id("username")).sendKeys("admin");
        browser.findElement(By.id("password")).sendKeys("wrong password");
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
        // The form posts and the login page comes back with the error: wait for it rather than race the navigation.
        assertThat(wait.until(ExpectedConditions.presenceOfElementLocated(By.id("login-error"))).getText())
                .contains("wrong");
        browser.findElement(By.id("username")).clear();
        browser.findElement(By.id("username")).sendKeys("admin");
        browser.findElement(By.id("password")).sendKeys(server.adminPassword());
        browser.findElement(By.cssSelector("form button[type=submit]")).click();

        // The portfolio: the known-exploited finding of the camera first.
        wait.until(ExpectedConditions.titleContains("Portfolio"));
        assertThat(browser.findElement(By.id("kev-heading")).getText()).contains("Known exploited");
        assertThat(browser.findElement(By.cssSelector(".alert-section tbody")).getText()).contains("CVE-2023-4863")
                .contains("SC-200 Smart Camera");
        List<WebElement> rows = browser.findElements(By.cssSelector("table.products tbody tr"));
        assertThat(rows.get(0).getText()).startsWith("SC-200 Smart Camera");
        assertLabelled(browser);
        assertReadable(browser);
        Browser.screenshot("02-portfolio");

        // The first Tab reaches the skip link: the page is usable from the keyboard.
        browser.findElement(By.tagName("body")).sendKeys(Keys.TAB);
        assertThat(browser.switchTo().activeElement().getText()).isEqualTo("Skip to content");

        // A new product and an SBOM upload.
        browser.findElement(By.id("name")).sendKeys("Doorbell D1");
        browser.findElement(By.cssSelector("form[action='/products'] button")).click();
        wait.until(ExpectedConditions.titleContains("Doorbell D1"));
        Path sbom = Files.createTempFile("doorbell", ".cdx.json");
        Files.write(sbom, TestServer.example("sboms/sc200-camera-firmware-2.4.1.cdx.json"));
        browser.findElement(By.id("version")).sendKeys("1.0.0");
        browser.findElement(By.id("sbom")).sendKeys(sbom.toString());
        browser.findElement(By.cssSelector("form[enctype='multipart/form-data'] button")).click();
        wait.until(ExpectedConditions.titleContains("Doorbell D1 1.0.0"));
        assertThat(browser.findElement(By.cssSelector("p.notice")).getText()).isEqualTo("SBOM uploaded and scanned.");
        WebElement first = browser.findElements(By.cssSelector("table.findings tbody tr")).get(0);
        assertThat(first.getText()).contains("CVE-2023-4863").contains("KEV").contains("libwebp-sys");
        String total = browser.findElement(By.cssSelector("#findings .count")).getText();
        Browser.screenshot("03-release");

        // Filtering swaps the table in place (htmx), without a page load.
        ((JavascriptExecutor) browser).executeScript("window.notReloaded = true;");
        new Select(browser.findElement(By.id("severity"))).selectByValue("high");
        wait.until(ExpectedConditions.not(ExpectedConditions.textToBe(By.cssSelector("#findings .count"), total)));
        assertThat(((JavascriptExecutor) browser).executeScript("return window.notReloaded === true;")).isEqualTo(true);
        for (WebElement row : browser.findElements(By.cssSelector("table.findings tbody tr"))) {
            assertThat(row.findElement(By.cssSelector(".sev")).getText()).isEqualTo("high");
        }
        new Select(browser.findElement(By.id("severity"))).selectByValue("");
        wait.until(ExpectedConditions.textToBe(By.cssSelector("#findings .count"), total));

        // The finding page and its triage form.
        browser.findElement(By.linkText("CVE-2023-4863")).click();
        wait.until(ExpectedConditions.titleContains("CVE-2023-4863"));
        assertThat(browser.findElement(By.cssSelector("p.alert")).getText()).contains("Known exploited").contains("CISA KEV");
        assertThat(browser.findElement(By.id("current-decision")).getText()).isEqualTo("No decision yet.");
        assertLabelled(browser);
        assertReadable(browser);
        new Select(browser.findElement(By.id("state"))).selectByValue("not_affected");
        browser.findElement(By.id("comment")).sendKeys("libwebp is not linked into the shipped image");
        browser.findElement(By.cssSelector("#triage form button[type=submit]")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("triage-error")));
        assertThat(browser.findElement(By.id("triage-error")).getText()).contains("justification");
        new Select(browser.findElement(By.id("state"))).selectByValue("not_affected");
        new Select(browser.findElement(By.id("justification"))).selectByValue("code_not_present");
        browser.findElement(By.id("comment")).sendKeys("libwebp is not linked into the shipped image");
        browser.findElement(By.cssSelector("#triage form button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("current-decision"), "not affected"));
        assertThat(browser.findElement(By.id("current-decision")).getText()).contains("code not present").contains("admin");
        assertThat(browser.findElement(By.cssSelector("#triage table.history tbody")).getText())
                .contains("not affected").contains("libwebp is not linked into the shipped image").contains("1.0.0");
        browser.navigate().refresh();
        wait.until(ExpectedConditions.titleContains("CVE-2023-4863"));
        assertThat(browser.findElement(By.cssSelector("main")).getText()).contains("suppresses");
        Browser.screenshot("04-finding");

        // The release page marks it suppressed; the portfolio's known-exploited list keeps the example camera only.
        browser.findElement(By.linkText("1.0.0")).click();
        wait.until(ExpectedConditions.titleContains("Doorbell D1 1.0.0"));
        WebElement triaged = browser.findElements(By.cssSelector("table.findings tbody tr")).get(0);
        assertThat(triaged.getText()).contains("CVE-2023-4863").contains("suppressed").contains("not affected");
        browser.get(server.base() + "/");
        assertThat(browser.findElement(By.cssSelector(".alert-section tbody")).getText()).doesNotContain("Doorbell");

        // The audit log shows the decision; the settings page creates a key and shows it once.
        browser.findElement(By.linkText("Audit log")).click();
        wait.until(ExpectedConditions.titleContains("Audit log"));
        assertThat(browser.findElement(By.cssSelector("table.audit tbody tr")).getText()).contains("finding.triage")
                .contains("user:admin");
        Browser.screenshot("05-audit");
        browser.findElement(By.linkText("Settings")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("key-name")));
        browser.findElement(By.id("key-name")).sendKeys("ci-pipeline");
        new Select(browser.findElement(By.id("key-role"))).selectByValue("editor");
        browser.findElement(By.cssSelector("form[action='/settings/keys'] button")).click();
        // The form posts and the next page shows the secret: wait for it rather than race the navigation.
        String secret = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("revealed-secret"))).getText();
        assertThat(secret).matches("tdm_[0-9a-f]{12}_[A-Za-z0-9_-]{43}");
        assertLabelled(browser);
        assertReadable(browser);
        Browser.screenshot("06-settings");
        assertThat(server.get("/api/v1/products", secret).status()).isEqualTo(200);
        browser.get(server.base() + "/settings");
        assertThat(browser.findElements(By.id("revealed-secret"))).isEmpty();
        assertThat(browser.findElement(By.cssSelector("main")).getText()).contains("ci-pipeline").doesNotContain(secret);

        // The user's own account: reached from the name in the bar, a labelled password form.
        browser.findElement(By.cssSelector("a.who")).click();
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Your account"));
        browser.findElement(By.id("current-password")).sendKeys("not the password");
        browser.findElement(By.id("new-password")).sendKeys("a-new-password-1");
        browser.findElement(By.id("confirm-password")).sendKeys("a-new-password-1");
        browser.findElement(By.cssSelector("form[action='/account/password'] button")).click();
        assertThat(wait.until(ExpectedConditions.presenceOfElementLocated(By.id("password-error"))).getText())
                .contains("current password is wrong");
        assertLabelled(browser);
        assertReadable(browser);
        Browser.screenshot("07-account");

        browser.findElement(By.cssSelector("form.logout button")).click();
        wait.until(ExpectedConditions.urlContains("/login"));
        browser.get(server.base() + "/settings");
        assertThat(browser.getCurrentUrl()).contains("/login?next=%2Fsettings");
    }

    /**
     * Every visible text meets WCAG 2.2 AA contrast against its background (4.5:1, 3:1 for large text):
     * the same measure as the documents' browser test, on the pages of the shared stylesheet.
     */
    private static void assertReadable(WebDriver browser) {
        Object problems = ((JavascriptExecutor) browser).executeScript("""
                const rgb = s => { const m = s.match(/rgba?\\(([^)]+)\\)/); if (!m) return null; const p = m[1].split(',').map(Number); return {r:p[0],g:p[1],b:p[2],a:p.length > 3 ? p[3] : 1}; };
                const lum = c => { const f = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); }; return 0.2126 * f(c.r) + 0.7152 * f(c.g) + 0.0722 * f(c.b); };
                const background = e => { for (let n = e; n; n = n.parentElement) { const c = rgb(getComputedStyle(n).backgroundColor); if (c && c.a > 0.5) return c; } return rgb(getComputedStyle(document.documentElement).backgroundColor) || {r:255,g:255,b:255,a:1}; };
                const problems = [];
                for (const e of document.querySelectorAll('body *')) {
                  const r = e.getBoundingClientRect();
                  if (r.width === 0 && r.height === 0) continue;
                  if (!Array.from(e.childNodes).some(n => n.nodeType === 3 && n.textContent.trim().length > 0)) continue;
                  const style = getComputedStyle(e);
                  if (style.visibility === 'hidden' || e.closest('.skip, .sr-only, .visually-hidden')) continue;
                  const fg = rgb(style.color), bg = background(e);
                  const l1 = lum(fg), l2 = lum(bg);
                  const ratio = (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05);
                  const size = parseFloat(style.fontSize), bold = parseInt(style.fontWeight) >= 700;
                  const need = size >= 24 || (bold && size >= 18.66) ? 3 : 4.5;
                  if (ratio < need) problems.push('contrast ' + ratio.toFixed(2) + ' < ' + need + ' (' + style.color + ' on rgb(' + bg.r + ',' + bg.g + ',' + bg.b + ')): ' + e.tagName.toLowerCase() + '.' + e.className + ' ' + e.textContent.trim().slice(0, 40));
                }
                return problems.slice(0, 20);
                """);
        assertThat((List<?>) problems).as("texts below WCAG AA contrast on " + browser.getCurrentUrl()).isEmpty();
    }

    /** Every visible form control has a label (or an accessible name). */
    private static void assertLabelled(WebDriver browser) {
        Object unlabelled = ((JavascriptExecutor) browser).executeScript(
                "return Array.from(document.querySelectorAll('input:not([type=hidden]), select, textarea, button'))"
                        + ".filter(e => !(e.labels && e.labels.length) && !e.getAttribute('aria-label')"
                        + " && !(e.tagName === 'BUTTON' && e.textContent.trim())).map(e => e.outerHTML);");
        assertThat((List<?>) unlabelled).as("controls without a label").isEmpty();
    }
}
