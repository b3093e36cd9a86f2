package dev.switchboard.app.ui;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Chromium (Debian's {@code chromium} driven through {@code /usr/bin/chromedriver}; nothing
 * downloads a browser) shared by every browser test of the JVM, and the helpers they use: explicit
 * waits, and screenshots at desktop and phone width under {@code target/screenshots}.
 */
final class Browser {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final int DESKTOP_WIDTH = 1280;
    private static final int DESKTOP_HEIGHT = 800;
    private static final int PHONE_WIDTH = 390;
    private static final int PHONE_HEIGHT = 844;
    private static final int MAX_SHOT_HEIGHT = 3000;

    private static ChromeDriver shared;

    private Browser() {
    }

    static synchronized ChromeDriver shared() {
        if (shared == null) {
            shared = start();
            ChromeDriver driver = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(driver::quit));
        }
        return shared;
    }

    private static ChromeDriver start() {
        try {
            Path profile = Files.createTempDirectory("switchboard-chromium-");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM);
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--no-first-run", "--user-data-dir=" + profile, "--window-size=" + DESKTOP_WIDTH + ","
                            + DESKTOP_HEIGHT, "--lang=en-US");
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(Path.of(CHROMEDRIVER).toFile()).usingAnyFreePort().build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
            return driver;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static <T> T waitFor(WebDriver driver, Function<WebDriver, T> condition) {
        // a live refresh may replace an element between finding and reading it: look again
        return new WebDriverWait(driver, WAIT, Duration.ofMillis(100))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(condition);
    }

    static WebElement visible(WebDriver driver, String css) {
        return waitFor(driver, d -> {
            List<WebElement> found = d.findElements(By.cssSelector(css));
            return found.isEmpty() || !found.get(0).isDisplayed() ? null : found.get(0);
        });
    }

    /** Waits until the element's text contains {@code text}. */
    static WebElement text(WebDriver driver, String css, String text) {
        return waitFor(driver, d -> d.findElements(By.cssSelector(css)).stream()
                .filter(e -> e.getText().contains(text)).findFirst().orElse(null));
    }

    /** Marks the loaded page; {@link #notReloaded} proves later that it was updated in place. */
    static void markPage(WebDriver driver) {
        ((JavascriptExecutor) driver).executeScript("window.__switchboardMark = 'same page';");
    }

    static boolean notReloaded(WebDriver driver) {
        return "same page".equals(((JavascriptExecutor) driver).executeScript("return window.__switchboardMark;"));
    }

    /** Clicks the first element matching {@code css} whose text contains {@code text}, again if a live refresh replaced it. */
    static void click(WebDriver driver, String css, String text) {
        waitFor(driver, d -> {
            try {
                WebElement element = d.findElements(By.cssSelector(css)).stream()
                        .filter(e -> e.getText().contains(text)).findFirst().orElse(null);
                if (element == null) {
                    return null;
                }
                element.click();
                return true;
            } catch (org.openqa.selenium.StaleElementReferenceException e) {
                return null;
            }
        });
    }

    /** Waits until the text of the first element matching {@code css} that contains {@code text}, and returns it. */
    static String textOf(WebDriver driver, String css, String text) {
        return waitFor(driver, d -> {
            try {
                return d.findElements(By.cssSelector(css)).stream().map(WebElement::getText)
                        .filter(t -> t.contains(text)).findFirst().orElse(null);
            } catch (org.openqa.selenium.StaleElementReferenceException e) {
                return null;
            }
        });
    }

    /** What the browser showed when a test failed: {@code failures/<test>.png} and {@code .html}. */
    static void failure(ChromeDriver driver, String name) {
        try {
            Path dir = SCREENSHOTS.resolve("failures");
            Files.createDirectories(dir);
            Files.write(dir.resolve(name + ".png"), driver.getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
            Files.writeString(dir.resolve(name + ".html"), driver.getCurrentUrl() + "\n" + driver.getPageSource());
        } catch (IOException | RuntimeException e) {
            // the failure itself is what matters
        }
    }

    /** The page as it is now, at desktop width and at phone width: {@code <name>-desktop.png}, {@code <name>-phone.png}. */
    static void screenshots(ChromeDriver driver, String name) {
        shot(driver, name + "-desktop", DESKTOP_WIDTH, DESKTOP_HEIGHT, false);
        shot(driver, name + "-phone", PHONE_WIDTH, PHONE_HEIGHT, true);
        driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
    }

    private static void shot(ChromeDriver driver, String file, int width, int height, boolean mobile) {
        metrics(driver, width, height, mobile);
        long full = ((Number) driver.executeScript(
                "return Math.max(document.documentElement.scrollHeight, document.body.scrollHeight);")).longValue();
        int shotHeight = (int) Math.min(MAX_SHOT_HEIGHT, Math.max(height, full));
        Object png = driver.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png",
                "captureBeyondViewport", true,
                "clip", Map.of("x", 0, "y", 0, "width", width, "height", shotHeight, "scale", 1))).get("data");
        try {
            Files.createDirectories(SCREENSHOTS);
            Files.write(SCREENSHOTS.resolve(file + ".png"), Base64.getDecoder().decode((String) png));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void metrics(ChromeDriver driver, int width, int height, boolean mobile) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", height,
                "deviceScaleFactor", 1, "mobile", mobile));
        // let media queries and the layout settle before measuring
        driver.executeAsyncScript("var done = arguments[arguments.length - 1];"
                + "requestAnimationFrame(function () { requestAnimationFrame(function () { done(); }); });");
    }
}
