package dev.switchboard.app.ui;

import dev.switchboard.app.support.AppIT;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.chrome.ChromeDriver;

/** What the browser tests share: the one Chromium, logging in and out as a person does. */
abstract class BrowserIT extends AppIT {

    protected static final String PASSWORD = "correct horse battery";
    protected static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).followRedirects(HttpClient.Redirect.NEVER).build();

    protected final ChromeDriver browser = Browser.shared();

    @RegisterExtension
    final TestWatcher keepFailures = new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            Browser.failure(browser, context.getRequiredTestClass().getSimpleName() + "-"
                    + context.getRequiredTestMethod().getName());
        }
    };

    protected void open(String path) {
        browser.get(baseUrl() + path);
    }

    /** Logs in through the login form (after forgetting any earlier login). */
    protected void logIn(String email, String password) {
        open("/login");
        browser.manage().deleteAllCookies();
        open("/login");
        Browser.visible(browser, "#username").sendKeys(email);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
        Browser.waitFor(browser, d -> d.getCurrentUrl().contains("/login") ? null : true);
    }

    protected void logInAs(TestTenant tenant) {
        logIn(tenant.slug() + "@example.test", PASSWORD);
    }

    /** The browser's session cookie, for requests a test makes beside the browser. */
    protected String sessionCookie() {
        Cookie cookie = browser.manage().getCookieNamed("JSESSIONID");
        return "JSESSIONID=" + cookie.getValue();
    }

    protected URI uri(String path) {
        return URI.create(baseUrl() + path);
    }
}
