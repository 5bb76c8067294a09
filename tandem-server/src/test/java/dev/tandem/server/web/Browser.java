package dev.tandem.server.web;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The one headless Chromium of a test run (Debian's chromium and chromium-driver, which .ci/run
 * installs), started on first use and quit when the JVM exits. Without them a test is skipped
 * locally and fails on CI.
 */
final class Browser {

    private static final File CHROMIUM = new File("/usr/bin/chromium");
    private static final File DRIVER = new File("/usr/bin/chromedriver");
    private static WebDriver driver;

    private Browser() {
    }

    static synchronized WebDriver get() {
        if (driver == null) {
            boolean installed = CHROMIUM.canExecute() && DRIVER.canExecute();
            if (!installed && "true".equals(System.getenv("CI"))) {
                throw new IllegalStateException("chromium and chromium-driver are not installed; .ci/run installs them");
            }
            Assumptions.assumeTrue(installed, "chromium and chromium-driver are not installed (apt-get install chromium chromium-driver)");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM);
            options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                    "--window-size=1280,1100", "--lang=en");
            ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER)
                    .usingAnyFreePort().build();
            driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
            WebDriver started = driver;
            Runtime.getRuntime().addShutdownHook(new Thread(started::quit));
        }
        return driver;
    }

    /** Writes a screenshot of the page to {@code target/screenshots/NAME.png}. */
    static Path screenshot(String name) {
        try {
            Path folder = Path.of("target", "screenshots");
            Files.createDirectories(folder);
            Path file = folder.resolve(name + ".png");
            ((org.openqa.selenium.JavascriptExecutor) get()).executeScript("window.scrollTo(0, 0);");
            Files.write(file, ((TakesScreenshot) get()).getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
