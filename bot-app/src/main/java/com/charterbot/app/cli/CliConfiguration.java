package com.charterbot.app.cli;

import com.charterbot.app.charter.CharterProperties;
import com.charterbot.app.conversation.ConversationProperties;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.SimpleCommandLinePropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The configuration a command-line run reads: the server's, from the same sources in the same order
 * of precedence. {@code --name=value} arguments, then Java system properties, then environment
 * variables ({@code CHARTER_COMPANYNAME} or {@code CHARTER_COMPANY_NAME}), then
 * {@code ./config/application.*}, {@code ./application.*} (the working folder), then the jar's
 * {@code application.yaml}; with profiles, {@code spring.config.*} and the rest of Spring Boot's
 * rules when they are used.
 *
 * <p>Spring Boot's own loader and binder cost most of a second of start-up, longer than answering
 * a question. So the {@code charter.*} settings of {@code ask}, {@code validate} and {@code eval}
 * are read directly when the configuration uses nothing but the sources above, one file per
 * folder and no placeholders, which is the case of a folder made by {@code init}; whatever else
 * (a profile, {@code spring.config.location}, {@code SPRING_APPLICATION_JSON}...) makes it ask
 * Spring Boot. {@code CliConfigurationTest} checks both ways give what the server binds. The
 * charter playground reads its settings here too.
 */
public final class CliConfiguration {

    /** The settings {@link CharterProperties} binds, under {@code charter.}. */
    static final List<String> KEYS = List.of(
            "dir",
            "company-name",
            "link",
            "default-language",
            "contacts.communications",
            "contacts.security",
            "contacts.hr",
            "contacts.it",
            "contacts.legal");

    private static final List<String> FILE_NAMES =
            List.of("application.properties", "application.xml", "application.yml", "application.yaml");

    private final List<String> arguments;
    private final Map<String, String> environment;
    private final Map<String, String> systemProperties;
    private final Path workingFolder;
    private Binder spring;

    CliConfiguration(
            List<String> arguments,
            Map<String, String> environment,
            Map<String, String> systemProperties,
            Path workingFolder) {
        this.arguments = List.copyOf(arguments);
        this.environment = Map.copyOf(environment);
        this.systemProperties = Map.copyOf(systemProperties);
        this.workingFolder = workingFolder;
    }

    /** This process's configuration; {@code arguments} are {@code --name=value} words, as the server takes them. */
    public static CliConfiguration of(List<String> arguments) {
        Map<String, String> systemProperties = new HashMap<>();
        System.getProperties()
                .forEach((key, value) -> systemProperties.put(String.valueOf(key), String.valueOf(value)));
        return new CliConfiguration(arguments, System.getenv(), systemProperties, Path.of(""));
    }

    /** The {@code charter.*} settings of the charter; fails naming a setting that does not bind. */
    public CharterProperties charter() {
        return direct().orElseGet(() -> bind("charter", CharterProperties.class));
    }

    /** The server's database ({@code spring.datasource.*}), without a pool: one command's few queries. */
    javax.sql.DataSource dataSource() {
        DataSourceSettings settings = bind("spring.datasource", DataSourceSettings.class);
        return new org.springframework.jdbc.datasource.DriverManagerDataSource(
                settings.url(), settings.username(), settings.password());
    }

    /** The {@code spring.datasource} settings a command needs. */
    record DataSourceSettings(String url, String username, String password) {}

    /** The quiz, administrator and nudge settings; fails naming a setting that does not bind. */
    public ConversationProperties conversation() {
        return bind("charter", ConversationProperties.class);
    }

    /** The {@code charter.*} settings read directly, when these sources are all Spring Boot would read; empty otherwise. */
    Optional<CharterProperties> direct() {
        Map<String, String> values = new HashMap<>();
        try {
            if (environment.keySet().stream()
                    .map(name -> name.toUpperCase(Locale.ROOT))
                    .anyMatch(name -> name.startsWith("SPRING_CONFIG_")
                            || name.startsWith("SPRING_PROFILES_")
                            || name.equals("SPRING_APPLICATION_JSON"))) {
                throw new SpringDecides();
            }
            List<Map<String, Object>> sources = List.of(
                    flatArguments(),
                    new HashMap<>(systemProperties),
                    environmentSettings(),
                    fileIn(workingFolder.resolve("config"), true),
                    fileIn(workingFolder, false),
                    classpathFile("config/"),
                    classpathFile(""));
            if (sources.stream()
                    .flatMap(source -> source.keySet().stream())
                    .anyMatch(name -> name.startsWith("spring.config.")
                            || name.startsWith("spring.profiles.")
                            || name.equals("spring.application.json"))) {
                throw new SpringDecides();
            }
            for (String key : KEYS) {
                sources.stream()
                        .map(source -> find(source, key))
                        .flatMap(Optional::stream)
                        .findFirst()
                        .ifPresent(value -> {
                            if (!(value instanceof String text) || text.contains("${")) {
                                throw new SpringDecides();
                            }
                            values.put(key, text);
                        });
            }
        } catch (SpringDecides notDirect) {
            return Optional.empty();
        }
        try {
            return Optional.of(new CharterProperties(
                    values.get("dir"),
                    values.get("company-name"),
                    values.get("link"),
                    new CharterProperties.Contacts(
                            values.get("contacts.communications"),
                            values.get("contacts.security"),
                            values.get("contacts.hr"),
                            values.get("contacts.it"),
                            values.get("contacts.legal")),
                    values.get("default-language")));
        } catch (IllegalArgumentException invalid) {
            throw new IllegalArgumentException("invalid setting: " + invalid.getMessage());
        }
    }

    /** The value of a {@code charter.*} key in a source, whichever spelling Spring Boot accepts (company-name, companyName, company_name). */
    private static Optional<Object> find(Map<String, Object> source, String key) {
        String wanted = uniform("charter." + key);
        for (Map.Entry<String, Object> entry : source.entrySet()) {
            if (uniform(entry.getKey()).equals(wanted)) {
                return Optional.of(entry.getValue() == null ? "" : entry.getValue());
            }
        }
        return Optional.empty();
    }

    /** A property name in Spring Boot's uniform form: lower case, without dashes or underscores. */
    private static String uniform(String name) {
        return name.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
    }

    private Map<String, Object> flatArguments() {
        Map<String, Object> flat = new HashMap<>();
        for (String argument : arguments) {
            flat.put(argument.substring(2, argument.indexOf('=')), argument.substring(argument.indexOf('=') + 1));
        }
        return flat;
    }

    /** Environment variables as Spring Boot maps them: CHARTER_COMPANYNAME and CHARTER_COMPANY_NAME both set charter.company-name. */
    private Map<String, Object> environmentSettings() {
        Map<String, Object> settings = new HashMap<>();
        environment.forEach((name, value) -> {
            for (String key : KEYS) {
                String variable = ("charter." + key).toUpperCase(Locale.ROOT).replace('.', '_');
                if (name.equals(variable.replace("-", "")) || name.equals(variable.replace('-', '_'))) {
                    settings.put("charter." + key, value);
                }
            }
        });
        return settings;
    }

    /**
     * The one configuration file in this folder, flattened; empty without one. Several files, a
     * sub-folder of config/ or an unreadable file are for Spring Boot to read (and to report).
     */
    private static Map<String, Object> fileIn(Path folder, boolean configFolder) {
        if (!Files.isDirectory(folder)) {
            return Map.of();
        }
        List<Path> files = FILE_NAMES.stream()
                .map(folder::resolve)
                .filter(Files::isRegularFile)
                .toList();
        try (Stream<Path> entries = Files.list(folder)) {
            if (files.size() > 1 || configFolder && entries.anyMatch(Files::isDirectory)) {
                throw new SpringDecides();
            }
        } catch (IOException e) {
            throw new SpringDecides();
        }
        if (files.isEmpty()) {
            return Map.of();
        }
        Path file = files.get(0);
        if (file.toString().endsWith(".xml")) {
            throw new SpringDecides();
        }
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            if (file.toString().endsWith(".properties")) {
                Properties properties = new Properties();
                properties.load(reader);
                Map<String, Object> flat = new HashMap<>();
                properties.forEach((key, value) -> flat.put(String.valueOf(key), String.valueOf(value)));
                return flat;
            }
            return yaml(new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(reader));
        } catch (IOException | RuntimeException unreadable) {
            throw new SpringDecides();
        }
    }

    /** The configuration file in this folder of the classpath ({@code ""}: the jar's application.yaml), as {@link #fileIn} reads files. */
    private static Map<String, Object> classpathFile(String folder) {
        ClassLoader classpath = CliConfiguration.class.getClassLoader();
        List<String> found = FILE_NAMES.stream()
                .map(name -> folder + name)
                .filter(name -> classpath.getResource(name) != null)
                .toList();
        if (found.isEmpty()) {
            return Map.of();
        }
        if (found.size() > 1 || !found.get(0).endsWith(".yaml")) {
            throw new SpringDecides();
        }
        try (InputStream in = classpath.getResourceAsStream(found.get(0))) {
            return yaml(new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(in));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + found.get(0) + " from the classpath", e);
        }
    }

    /** A single YAML document, flattened to dotted names; several documents are for Spring Boot. */
    private static Map<String, Object> yaml(Iterable<Object> documents) {
        Map<String, Object> flat = new HashMap<>();
        int count = 0;
        for (Object document : documents) {
            if (++count > 1) {
                throw new SpringDecides();
            }
            if (document instanceof Map<?, ?> map) {
                flatten("", map, flat);
            }
        }
        return flat;
    }

    private static void flatten(String prefix, Map<?, ?> map, Map<String, Object> flat) {
        map.forEach((key, value) -> {
            String name = prefix + key;
            if (value instanceof Map<?, ?> nested) {
                flatten(name + ".", nested, flat);
            } else {
                flat.put(name, value == null || value instanceof List<?> ? value : String.valueOf(value));
            }
        });
    }

    /** The configuration uses something only Spring Boot's loader reads: the direct reading steps aside. */
    private static final class SpringDecides extends RuntimeException {
        private static final long serialVersionUID = 1L;

        SpringDecides() {
            super(null, null, false, false);
        }
    }

    /** Binds as the server does, with Spring Boot's config-data loader; a value that does not bind fails naming the setting. */
    private <T> T bind(String prefix, Class<T> type) {
        if (spring == null) {
            StandardEnvironment environment = new StandardEnvironment();
            environment
                    .getPropertySources()
                    .addFirst(new SimpleCommandLinePropertySource(arguments.toArray(String[]::new)));
            ConfigDataEnvironmentPostProcessor.applyTo(environment);
            ConfigurationPropertySources.attach(environment);
            spring = Binder.get(environment);
        }
        try {
            return spring.bindOrCreate(prefix, type);
        } catch (BindException e) {
            Throwable cause = e;
            while (cause.getCause() != null) {
                cause = cause.getCause();
            }
            String setting = e.getProperty() == null
                    ? prefix
                    : e.getProperty().getName() + " = " + e.getProperty().getValue();
            throw new IllegalArgumentException("invalid setting " + setting + ": " + cause.getMessage());
        }
    }
}
