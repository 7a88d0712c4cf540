package com.charterbot.playground;

import static org.assertj.core.api.Assertions.assertThat;

import com.charterbot.app.TestCharters;
import com.charterbot.core.i18n.Messages;
import com.charterbot.core.values.Language;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The playground as its author uses it: {@code java -jar charter-bot.jar playground --charter <dir>},
 * then the page in a real browser (Debian's headless chromium, driven through its chromedriver),
 * asking in English and French, saving a broken file and seeing its problem appear, fixing it,
 * running a question file and browsing the charter; markup and scripts typed in the page are shown
 * as text and never run.
 *
 * <p>It measures what the issue sets targets for and writes the figures to
 * {@code target/playground-timings.txt}: the page ready after the command (target 3 s), an answer
 * shown after typing stops (300 ms, as the page measures from the last keystroke), a saved file's
 * problem shown (2 s). They are reported, not asserted: this machine's load is not the lead's.
 * Screenshots go to {@code target/playground-*.png}.
 *
 * <p>Without {@code /usr/bin/chromium} and {@code /usr/bin/chromedriver} it is skipped, unless
 * {@code CHARTER_BROWSER_TESTS=required} (as {@code .ci/run} sets, after installing them).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PlaygroundBrowserIT {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Duration WAIT = Duration.ofSeconds(20);
    static final int WIDTH = 1400;
    static final int HEIGHT = 1100;
    static final String PHOTO_QUESTION = "Can I post a photo of the plant on LinkedIn?";
    static final String JOURNALIST_QUESTION = "Un journaliste m'a appelé pour une interview, que faire ?";

    static Process playground;
    static WebDriver driver;
    static Path charter;
    static Path profile;
    static String url;
    static final Map<String, Long> timings = new LinkedHashMap<>();
    static final Path log = Path.of("target", "playground-it.log");

    @BeforeAll
    static void start() throws Exception {
        boolean browser = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!browser && "required".equals(System.getenv("CHARTER_BROWSER_TESTS"))) {
            throw new IllegalStateException("CHARTER_BROWSER_TESTS=required but " + CHROMIUM + " or " + CHROMEDRIVER
                    + " is missing: apt-get install -y chromium chromium-driver");
        }
        Assumptions.assumeTrue(
                browser, "no chromium / chromedriver here (apt-get install -y chromium chromium-driver)");
        Path jar = Path.of(System.getProperty("charter.jar", "target/charter-bot.jar"));
        assertThat(jar).as("the packaged jar (run with ./mvnw verify)").isRegularFile();
        charter = TestCharters.copyBundled(Files.createTempDirectory("playground-charter"));
        profile = Files.createTempDirectory("playground-chromium");

        // The browser first: its start is not the playground's.
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--disable-dev-shm-usage",
                "--user-data-dir=" + profile,
                "--window-size=" + WIDTH + "," + HEIGHT,
                "--lang=en-US");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(WAIT);
        // A browser already open, as an author's is: its first page (a renderer process, a script
        // engine) is not part of the playground's start.
        driver.get("data:text/html,<title>warm</title><script>document.title = 'ready'</script>");

        int port = freePort();
        url = "http://127.0.0.1:" + port + "/";
        long started = System.nanoTime();
        playground = new ProcessBuilder(
                        ProcessHandle.current().info().command().orElse("java"),
                        "-jar",
                        jar.toString(),
                        "playground",
                        "--charter",
                        charter.toString(),
                        "--port",
                        String.valueOf(port))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        awaitHttp(url, Duration.ofSeconds(60));
        driver.get(url);
        // The page may come before the charter's first reading: it says so, then follows the state.
        // Waited for inside the page (one call, no polling): the measure's own round trips to the
        // browser would otherwise take CPU from the playground it measures on two cores.
        ((JavascriptExecutor) driver).executeAsyncScript("""
                        const done = arguments[arguments.length - 1];
                        const ready = () => document.body.dataset.ready === 'true'
                            && (document.body.dataset.version || '') !== '';
                        if (ready()) {
                          done(true);
                        } else {
                          new MutationObserver((changes, observer) => {
                            if (ready()) {
                              observer.disconnect();
                              done(true);
                            }
                          }).observe(document.body, {attributes: true});
                        }
                        """);
        assertThat(body().getAttribute("data-version")).isNotBlank();
        timings.put("page ready after the command (ms)", (System.nanoTime() - started) / 1_000_000);
        screenshot("start");
    }

    @AfterAll
    static void stop() throws IOException {
        if (driver != null) {
            driver.quit();
        }
        if (playground != null) {
            playground.destroy();
            try {
                playground.waitFor(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (!timings.isEmpty()) {
            StringBuilder report = new StringBuilder();
            timings.forEach(
                    (what, ms) -> report.append(what).append(": ").append(ms).append('\n'));
            Files.writeString(Path.of("target", "playground-timings.txt"), report);
            System.out.print(report);
        }
    }

    // ----- asking -----

    @Test
    @Order(1)
    void anEnglishQuestionIsAnsweredAsSlackAndTeamsShowItWithTheRankingAndTheWordsThatMatched() {
        List<Long> answers = new ArrayList<>();
        for (String question : List.of("can I post a photo?", PHOTO_QUESTION)) {
            type(question);
            answers.add(Long.parseLong(body().getAttribute("data-answer-ms")));
        }

        assertThat(text("#slack .sk-header")).isEqualTo("Photos and videos at work");
        assertThat(text("#slack .from-person .person-text")).isEqualTo(PHOTO_QUESTION);
        assertThat(text("#teams .ac-large")).isEqualTo("Photos and videos at work");
        assertThat(all("#slack .sk-button")).isNotEmpty();
        assertThat(all("#teams .ac-button")).isNotEmpty();
        assertThat(text("#trace .tier")).isEqualTo(ui(Language.EN, "ask.tier.ANSWER"));
        WebElement best = driver.findElement(By.cssSelector("#trace tr[data-section]"));
        assertThat(best.getAttribute("data-section")).isEqualTo("photos-videos");
        assertThat(best.findElements(By.cssSelector(".chip")))
                .extracting(WebElement::getText)
                .contains("photo")
                .doesNotContain("Can", "the");
        timings.put("answer shown after typing stops, in the page (ms)", answers.get(answers.size() - 1));
        screenshot("ask-en");
    }

    @Test
    @Order(2)
    void aButtonOfTheReplyIsClickedAsOnThePlatform() {
        WebElement seeAlso = all("#slack .sk-button").get(0);
        String label = seeAlso.getText();

        seeAlso.click();
        until(d -> text("#slack .sk-header").equals(label));

        assertThat(text("#teams .ac-large")).isEqualTo(label);
    }

    @Test
    @Order(3)
    void theFrenchPageAnswersAFrenchQuestionInFrench() {
        driver.findElement(By.id("switch-language")).click();
        until(d -> text("#tab-ask").equals(ui(Language.FR, "tab.ask")));

        type(JOURNALIST_QUESTION);

        assertThat(driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("fr");
        assertThat(text("#slack .sk-header")).isEqualTo(title("fr/media-inquiries.md"));
        assertThat(text("#trace .tier")).isEqualTo(ui(Language.FR, "ask.tier.ANSWER"));
        WebElement best = driver.findElement(By.cssSelector("#trace tr[data-section]"));
        assertThat(best.getAttribute("data-section")).isEqualTo("media-inquiries");
        assertThat(best.findElements(By.cssSelector(".chip")))
                .extracting(WebElement::getText)
                .contains("journaliste");
        screenshot("ask-fr");
    }

    // ----- saving files -----

    @Test
    @Order(4)
    void aSavedBrokenFileShowsItsProblemInTheAuthorsLanguageThenItsFixClearsIt() throws Exception {
        Path file = charter.resolve("fr/media-inquiries.md");
        String good = Files.readString(file);
        String revision = body().getAttribute("data-revision");

        long saved = System.nanoTime();
        Files.writeString(file, good.replaceFirst("(?m)^related:.*$", "related: aucune-section"));
        until(d -> driver.findElement(By.id("problems")).getAttribute("hidden") == null
                && text("#problems").contains("fr/media-inquiries.md:"));
        timings.put("saved file's problem shown (ms)", (System.nanoTime() - saved) / 1_000_000);

        assertThat(text("#problems .message"))
                .isEqualTo(Messages.get(Language.FR, "charter.problem.related-missing", "aucune-section"));
        assertThat(text("#problems"))
                .contains(ui(Language.FR, "problems.kept").replace("{0}", body().getAttribute("data-version")));
        assertThat(body().getAttribute("data-revision")).isNotEqualTo(revision);
        assertThat(text("#status .served"))
                .as("the last good version still answers")
                .startsWith("Version ");
        screenshot("problem");

        Files.writeString(file, good);
        until(d -> "true".equals(driver.findElement(By.id("problems")).getAttribute("hidden")));
    }

    @Test
    @Order(5)
    void aSavedChangeIsAnsweredAgainWithoutTyping() throws Exception {
        Path file = charter.resolve("fr/media-inquiries.md");
        String before = Files.readString(file);
        try {
            Files.writeString(file, before.replaceFirst("(?m)^title:.*$", "title: Les journalistes et vous"));

            until(d -> text("#slack .sk-header").equals("Les journalistes et vous"));

            assertThat(text("#teams .ac-large")).isEqualTo("Les journalistes et vous");
        } finally {
            Files.writeString(file, before);
            until(d -> !text("#slack .sk-header").equals("Les journalistes et vous"));
        }
    }

    // ----- bad input -----

    @Test
    @Order(6)
    void markupAndScriptsTypedInThePageAreShownAsTextAndNeverRun() {
        String hostile =
                "<script>window.__pwned = 1</script><img src=x onerror=\"window.__pwned = 2\"> <b>gras</b> *x* "
                        + "<https://evil.example|cliquez> &lt;i&gt; \u202Eevil";

        type(hostile);

        assertThat(((JavascriptExecutor) driver).executeScript("return typeof window.__pwned"))
                .isEqualTo("undefined");
        assertThat(text("#slack .from-person .person-text")).isEqualTo(hostile);
        assertThat(text("#teams .from-person .person-text")).isEqualTo(hostile);
        assertThat(driver.findElements(By.cssSelector("#slack script, #teams script, #slack img, #slack b, #teams b")))
                .isEmpty();
        assertThat(driver.findElements(By.cssSelector("a[href*='evil']"))).isEmpty();
    }

    @Test
    @Order(7)
    void hugeTextGetsAClearMessage() {
        setQuestion("photo ".repeat(700));
        until(d -> ("photo ".repeat(700)).equals(body().getAttribute("data-answered")));
        // 4,199 characters: the conversation reads a message without its trailing space.
        assertThat(text("#slack .sk-section"))
                .isIn(
                        Messages.get(Language.EN, "answer.too-long", 4_199, 1_000),
                        Messages.get(Language.FR, "answer.too-long", 4_199, 1_000));

        setQuestion("x".repeat(30_000));
        until(d -> driver.findElement(By.id("ask-error")).isDisplayed());
        assertThat(text("#ask-error")).isEqualTo(ui(Language.FR, "ask.too-long"));
        assertThat(driver.findElement(By.id("previews")).isDisplayed()).isFalse();
    }

    // ----- question files -----

    @Test
    @Order(8)
    void aQuestionFileGivesItsMetricsAndEachMissShowsWhy() {
        driver.findElement(By.id("tab-eval")).click();
        WebElement yaml = driver.findElement(By.id("eval-text"));
        ((JavascriptExecutor) driver)
                .executeScript(
                        "arguments[0].value = arguments[1]",
                        yaml,
                        String.join(
                                "\n",
                                "- q: \"" + PHOTO_QUESTION + "\"",
                                "  lang: en",
                                "  expect: [photos-videos]",
                                "- q: \"" + JOURNALIST_QUESTION + "\"",
                                "  lang: fr",
                                "  expect: [media-inquiries]",
                                "- q: \"" + PHOTO_QUESTION + "\"",
                                "  lang: en",
                                "  expect: [recruitment]",
                                ""));

        driver.findElement(By.id("eval-run")).click();
        until(d -> !all("#eval-results .metrics tr[data-set]").isEmpty());

        assertThat(all("#eval-results .metrics tr[data-set]"))
                .extracting(row -> row.getAttribute("data-set"))
                .containsExactly("en", "fr", "all");
        // No out-of-scope question in the file: no abstain rate, shown as a dash rather than "NaN".
        List<WebElement> english = driver.findElement(By.cssSelector("#eval-results .metrics tr[data-set='en']"))
                .findElements(By.tagName("td"));
        assertThat(english.get(english.size() - 1).getText()).isEqualTo("\u2013");
        List<WebElement> misses = all("#eval-results tr.miss");
        assertThat(misses).hasSize(1);
        assertThat(misses.get(0).getText()).contains("recruitment");
        screenshot("eval");

        misses.get(0).click();
        until(d -> PHOTO_QUESTION.equals(body().getAttribute("data-answered")));
        assertThat(driver.findElement(By.id("panel-ask")).isDisplayed()).isTrue();
        assertThat(driver.findElement(By.cssSelector("#trace tr[data-section]")).getAttribute("data-section"))
                .isEqualTo("photos-videos");
    }

    @Test
    @Order(9)
    void aBrokenQuestionFileSaysWhatIsWrong() {
        driver.findElement(By.id("tab-eval")).click();
        ((JavascriptExecutor) driver)
                .executeScript(
                        "arguments[0].value = arguments[1]",
                        driver.findElement(By.id("eval-text")),
                        "- q: hello\n  lang: de\n  expect: []\n");

        driver.findElement(By.id("eval-run")).click();
        until(d -> driver.findElement(By.id("eval-error")).isDisplayed());

        assertThat(text("#eval-error"))
                .startsWith(ui(Language.FR, "error.eval-file").replace("{0}", ""))
                .contains("lang");
    }

    // ----- the charter side by side -----

    @Test
    @Order(10)
    void theCharterIsShownInBothLanguagesWithTheSectionsToRevisitFlagged() throws Exception {
        Path french = charter.resolve("fr/photos-videos.md");
        String before = Files.readString(french);
        String englishTitle = title("en/photos-videos.md");
        Files.writeString(french, before.replaceFirst("(?m)^title:.*$", "title: " + englishTitle));
        String version = body().getAttribute("data-version");
        until(d -> !version.equals(body().getAttribute("data-version")));

        driver.findElement(By.id("tab-browse")).click();
        until(d -> !all("#sections .section-card").isEmpty());

        WebElement photos = driver.findElement(By.id("section-photos-videos"));
        assertThat(photos.findElements(By.cssSelector(".column"))).hasSize(2);
        assertThat(photos.findElements(By.cssSelector("[data-flag]")))
                .extracting(f -> f.getAttribute("data-flag"))
                .contains("no-french");
        assertThat(photos.findElement(By.cssSelector(".column[lang=fr] h3")).getText())
                .isEqualTo(englishTitle);
        assertThat(photos.getAttribute("textContent"))
                .contains(ui(Language.FR, "browse.phrasings").replace("{0})", ""));
        int all = all("#sections .section-card").size();

        driver.findElement(By.id("flagged-only")).click();
        until(d -> all("#sections .section-card").size() < all);
        screenshot("charter");
        assertThat(all("#sections .section-card"))
                .allSatisfy(card -> assertThat(card.getAttribute("class")).contains("flagged"));
        Files.writeString(french, before);
    }

    // ----- helpers -----

    /** Types a question as a person does, then waits for the page to show its answer. */
    static void type(String question) {
        WebElement box = driver.findElement(By.id("question"));
        driver.findElement(By.id("tab-ask")).click();
        box.clear();
        box.sendKeys(question);
        until(d -> question.equals(body().getAttribute("data-answered"))
                || driver.findElement(By.id("ask-error")).isDisplayed());
    }

    /** Puts a long text in the box at once (typing 30,000 keys would take minutes) and tells the page. */
    static void setQuestion(String text) {
        driver.findElement(By.id("tab-ask")).click();
        ((JavascriptExecutor) driver)
                .executeScript(
                        "const box = document.getElementById('question'); box.value = arguments[0]; box.dispatchEvent(new Event('input'));",
                        text);
    }

    static WebElement body() {
        return driver.findElement(By.tagName("body"));
    }

    static String text(String css) {
        List<WebElement> found = driver.findElements(By.cssSelector(css));
        return found.isEmpty() ? "" : found.get(0).getText();
    }

    static List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    static void until(Function<WebDriver, Boolean> condition) {
        new WebDriverWait(driver, WAIT, Duration.ofMillis(20))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(condition::apply);
    }

    /** The whole page (up to 3,000 pixels high) as {@code target/playground-<name>.png}. */
    static void screenshot(String name) {
        Object height = ((JavascriptExecutor) driver)
                .executeScript("return Math.min(3000, document.documentElement.scrollHeight)");
        driver.manage().window().setSize(new Dimension(WIDTH, ((Number) height).intValue()));
        try {
            byte[] png = ((org.openqa.selenium.TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
            Files.write(Path.of("target", "playground-" + name + ".png"), png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            driver.manage().window().setSize(new Dimension(WIDTH, HEIGHT));
        }
    }

    static void awaitHttp(String address, Duration timeout) throws InterruptedException {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!playground.isAlive()) {
                throw new IllegalStateException("the playground stopped; see " + log);
            }
            try {
                HttpResponse<String> response = http.send(
                        HttpRequest.newBuilder(URI.create(address))
                                .timeout(Duration.ofSeconds(2))
                                .build(),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("the playground did not answer within " + timeout + "; see " + log);
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** A sentence of the page, as the page shows it. */
    static String ui(Language language, String key) {
        return PlaygroundMessages.bundle(language).getProperty(key);
    }

    /** The title of a charter file, from its front matter. */
    static String title(String file) {
        try {
            return Files.readAllLines(charter.resolve(file)).stream()
                    .filter(line -> line.startsWith("title:"))
                    .findFirst()
                    .orElseThrow()
                    .substring("title:".length())
                    .strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
