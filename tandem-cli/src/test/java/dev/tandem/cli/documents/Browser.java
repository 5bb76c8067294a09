package dev.tandem.cli.documents;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * One headless Chromium (Debian's chromium and chromedriver, installed by .ci/run) for the whole test run,
 * started on first use and stopped when the JVM ends: tests share it instead of starting a browser each.
 * Without the browser, the tests that need it are skipped on a developer's machine and fail in CI.
 */
final class Browser {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private static ChromeDriver driver;

    private Browser() {
    }

    /** The shared browser; skips the calling test (fails under CI) when Chromium is not installed. */
    static synchronized ChromeDriver get() {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!installed && System.getenv("CI") != null) {
            throw new IllegalStateException("CI needs " + CHROMIUM + " and " + CHROMEDRIVER + ": .ci/run installs them "
                    + "(apt-get install -y chromium chromium-driver)");
        }
        assumeTrue(installed, "headless Chromium is not installed: apt-get install -y chromium chromium-driver");
        if (driver == null) {
            driver = start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                synchronized (Browser.class) {
                    driver.quit();
                }
            }));
        }
        return driver;
    }

    private static ChromeDriver start() {
        Path profile;
        try {
            profile = Files.createTempDirectory("tandem-chromium");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // The flags known to work here: no sandbox as root, and no background traffic to hosts this machine cannot reach.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
                "--hide-scrollbars", "--force-device-scale-factor=1", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    /** Loads a file and waits for it. */
    static void open(ChromeDriver browser, Path file) {
        browser.get(file.toUri().toString());
    }

    /** Emulates a screen of {@code width} CSS pixels, light or dark, or the print media at a page's printable width. */
    static void emulate(ChromeDriver browser, int width, boolean print, boolean dark) {
        browser.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", 900,
                "deviceScaleFactor", 1, "mobile", false));
        browser.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", print ? "print" : "screen",
                "features", List.of(Map.of("name", "prefers-color-scheme", "value", dark ? "dark" : "light"))));
    }

    /** A PNG of the whole page, beyond the viewport. */
    static void screenshot(ChromeDriver browser, Path png) throws IOException {
        Map<String, Object> shot = browser.executeCdpCommand("Page.captureScreenshot",
                Map.of("format", "png", "captureBeyondViewport", true));
        Files.createDirectories(png.getParent());
        Files.write(png, Base64.getDecoder().decode((String) shot.get("data")));
    }

    /** The page printed by Chromium on paper of the given size in inches, as PDF bytes. */
    static byte[] print(ChromeDriver browser, double widthInches, double heightInches) {
        Map<String, Object> pdf = browser.executeCdpCommand("Page.printToPDF", Map.of("paperWidth", widthInches,
                "paperHeight", heightInches, "printBackground", true, "preferCSSPageSize", false,
                "displayHeaderFooter", false, "marginTop", 0, "marginBottom", 0, "marginLeft", 0, "marginRight", 0));
        return Base64.getDecoder().decode((String) pdf.get("data"));
    }
}
