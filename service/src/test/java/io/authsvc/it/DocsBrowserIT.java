package io.authsvc.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real browser on /auth/docs: "Authorize" with the password flow, then "Try it out" on GET /auth/me shows the
 * caller. Debian's chromium and chromedriver; without them the test is skipped loudly, except under CI=true.
 */
class DocsBrowserIT extends DeployedService {

    private static final File CHROMIUM = new File("/usr/bin/chromium");
    private static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");

    @Test
    void logsInThroughTheDocsPageAndTriesMe() throws Exception {
        requireBrowser();
        String username = api.register("browser").json().getString("username");

        Path profile = Files.createTempDirectory("chromium-profile");
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM).addArguments("--headless=new", "--no-sandbox",
                "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=1280,2000", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER).build();
        WebDriver browser = new ChromeDriver(service, options);
        try {
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
            browser.get(api.uri("docs").toString());

            // this WAR's own document, not the server's merged one: our title, our tags, no path of the orders
            // WAR that the tests deploy beside it (on Payara), register open (no lock)
            WebElement title = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".info .title")));
            assertTrue(title.getText().startsWith("Auth service"), title.getText());
            String page = browser.findElement(By.id("swagger-ui")).getText();
            assertTrue(!page.contains("/api/orders") && !page.contains("Deployed Resources"), page);
            for (String tag : List.of("accounts", "sessions", "administration", "keys")) {
                assertTrue(!browser.findElements(By.id("operations-tag-" + tag)).isEmpty(), "tag " + tag + " is missing");
            }
            WebElement register = browser.findElement(By.id("operations-accounts-register"));
            assertTrue(register.findElements(By.cssSelector(".authorization__btn")).isEmpty(), "register shows a lock");
            assertTrue(!browser.findElement(By.id("operations-accounts-me"))
                    .findElements(By.cssSelector(".authorization__btn")).isEmpty(), "me shows no lock");

            wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button.authorize"))).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("oauth_username"))).sendKeys(username);
            browser.findElement(By.id("oauth_password")).sendKeys(Api.PASSWORD);
            browser.findElement(By.cssSelector(".auth-btn-wrapper button.authorize")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath(
                    "//div[contains(@class,'auth-container')]//h6[contains(., 'Authorized')]")));
            browser.findElement(By.cssSelector(".auth-btn-wrapper button.btn-done")).click();

            WebElement me = wait.until(ExpectedConditions.elementToBeClickable(By.id("operations-accounts-me")));
            me.findElement(By.cssSelector(".opblock-summary")).click();
            WebElement tryIt = wait.until(ExpectedConditions.presenceOfElementLocated(
                    By.cssSelector("#operations-accounts-me button.try-out__btn")));
            if (tryIt.getText().contains("Try it out")) {
                tryIt.click();
            }
            wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#operations-accounts-me button.execute")))
                    .click();
            // The live answer: its code and body, under "Server response".
            String expected = "\"username\": \"" + username + "\"";
            // Swagger UI re-renders the block, so it is found again each time rather than held.
            By block = By.id("operations-accounts-me");
            wait.until(driver -> driver.findElement(block).getText().contains(expected));
            WebElement answered = browser.findElement(block);
            assertTrue(answered.findElements(By.cssSelector(".live-responses-table .response-col_status")).stream()
                    .anyMatch(cell -> cell.getText().strip().startsWith("200")), answered.getText());
            assertTrue(answered.getText().contains(expected), answered.getText());
        } finally {
            Path shot = Path.of("target", "docs-screenshot.png");
            Files.createDirectories(shot.getParent());
            Files.copy(((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath(), shot,
                    StandardCopyOption.REPLACE_EXISTING);
            browser.quit();
        }
    }

    private static void requireBrowser() {
        if (CHROMIUM.canExecute() && CHROMEDRIVER.canExecute()) {
            return;
        }
        String message = "NO BROWSER: the /auth/docs browser test needs Debian's chromium and chromium-driver "
                + "(apt-get install chromium chromium-driver); .ci/run installs them";
        MissingTool.stop(message);
    }
}
