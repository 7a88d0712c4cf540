package com.charterbot.bench.rehearsal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * Microsoft's login service ({@code https://login.microsoftonline.com}) on loopback, so that the app's
 * Teams adapter can get the tokens it attaches to every Bot Connector call with a real app id: an
 * HTTPS WireMock answering instance discovery and the client-credentials token endpoint, with a
 * certificate for that host made here by {@code keytool}, and an HTTP CONNECT proxy in front of it.
 * The app is started with {@code https.proxyHost} pointing at the proxy and a trust store holding
 * that certificate ({@link #appJvmOptions()}); the proxy tunnels only to this stub, so the app
 * reaches nothing off the machine. Nothing in the product changes for it.
 */
final class MicrosoftLogin implements AutoCloseable {

    static final String HOST = "login.microsoftonline.com";
    private static final String PASSWORD = "rehearsal";

    private final WireMockServer server;
    private final ServerSocket proxy;
    private final Path trustStore;
    private final LongAdder tokens = new LongAdder();
    private final LongAdder tunnels = new LongAdder();
    private final LongAdder refusedTunnels = new LongAdder();
    private volatile boolean closed;

    private MicrosoftLogin(WireMockServer server, ServerSocket proxy, Path trustStore) {
        this.server = server;
        this.proxy = proxy;
        this.trustStore = trustStore;
    }

    /** Makes the certificate under {@code dir}, starts the stub and the proxy. */
    static MicrosoftLogin start(Path dir, String tenantId) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        Path keyStore = dir.resolve("login-key.p12");
        Path certificate = dir.resolve("login.cer");
        Path trustStore = dir.resolve("login-trust.p12");
        for (Path old : List.of(keyStore, certificate, trustStore)) {
            Files.deleteIfExists(old);
        }
        keytool(
                "-genkeypair",
                "-alias",
                "login",
                "-keyalg",
                "RSA",
                "-keysize",
                "2048",
                "-validity",
                "7",
                "-dname",
                "CN=" + HOST,
                "-ext",
                "SAN=dns:" + HOST,
                "-keystore",
                keyStore.toString(),
                "-storetype",
                "PKCS12",
                "-storepass",
                PASSWORD,
                "-keypass",
                PASSWORD);
        keytool(
                "-exportcert",
                "-alias",
                "login",
                "-keystore",
                keyStore.toString(),
                "-storepass",
                PASSWORD,
                "-file",
                certificate.toString());
        keytool(
                "-importcert",
                "-noprompt",
                "-alias",
                "login",
                "-file",
                certificate.toString(),
                "-keystore",
                trustStore.toString(),
                "-storetype",
                "PKCS12",
                "-storepass",
                PASSWORD);

        WireMockServer server = new WireMockServer(WireMockConfiguration.options()
                .bindAddress("127.0.0.1")
                .port(0)
                .httpDisabled(true)
                .dynamicHttpsPort()
                .keystorePath(keyStore.toString())
                .keystoreType("PKCS12")
                .keystorePassword(PASSWORD)
                .keyManagerPassword(PASSWORD)
                .disableRequestJournal());
        String base = "https://" + HOST;
        server.stubFor(get(urlPathMatching("/common/discovery/instance"))
                .willReturn(json("""
                {"tenant_discovery_endpoint":"%s/%s/v2.0/.well-known/openid-configuration","api-version":"1.1",\
                "metadata":[{"preferred_network":"%s","preferred_cache":"login.windows.net",\
                "aliases":["%s","login.windows.net","login.microsoft.com","sts.windows.net"]}]}""".formatted(base, tenantId, HOST, HOST))));
        server.stubFor(get(urlPathMatching("/[^/]+/v2.0/.well-known/openid-configuration"))
                .willReturn(json("""
                {"token_endpoint":"%1$s/%2$s/oauth2/v2.0/token","authorization_endpoint":"%1$s/%2$s/oauth2/v2.0/authorize",\
                "issuer":"https://login.microsoftonline.com/%2$s/v2.0","jwks_uri":"%1$s/%2$s/discovery/v2.0/keys"}""".formatted(base, tenantId))));
        server.stubFor(post(urlPathMatching("/[^/]+/oauth2/v2.0/token")).willReturn(json("""
                {"token_type":"Bearer","expires_in":3599,"ext_expires_in":3599,\
                "access_token":"eyJhbGciOiJub25lIn0.eyJyZWhlYXJzYWwiOnRydWV9.cmVoZWFyc2Fs"}""")));
        MicrosoftLogin login =
                new MicrosoftLogin(server, new ServerSocket(0, 50, InetAddress.getLoopbackAddress()), trustStore);
        server.addMockServiceRequestListener((request, response) -> {
            if (request.getUrl().contains("/oauth2/v2.0/token") && response.getStatus() == 200) {
                login.tokens.increment();
            }
        });
        server.start();
        Thread acceptor = new Thread(login::acceptLoop, "login-proxy-accept");
        acceptor.setDaemon(true);
        acceptor.start();
        return login;
    }

    /** JVM options that send the app's HTTPS through the proxy and make it trust the stub's certificate. */
    List<String> appJvmOptions() {
        return List.of(
                "-Dhttps.proxyHost=127.0.0.1",
                "-Dhttps.proxyPort=" + proxy.getLocalPort(),
                "-Djavax.net.ssl.trustStore=" + trustStore.toAbsolutePath(),
                "-Djavax.net.ssl.trustStorePassword=" + PASSWORD,
                "-Djavax.net.ssl.trustStoreType=PKCS12");
    }

    /** Tokens handed out so far. */
    long tokensIssued() {
        return tokens.sum();
    }

    /** Tunnels opened to the stub, and CONNECTs refused because they named another host. */
    String tunnelSummary() {
        return tunnels.sum() + " tunnel(s) to " + HOST + ", " + refusedTunnels.sum()
                + " CONNECT(s) to other hosts refused";
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket client = proxy.accept();
                Thread thread = new Thread(() -> tunnel(client), "login-proxy");
                thread.setDaemon(true);
                thread.start();
            } catch (IOException e) {
                if (closed) {
                    return;
                }
            }
        }
    }

    /** {@code CONNECT login.microsoftonline.com:443} becomes a tunnel to the stub; anything else is refused. */
    private void tunnel(Socket client) {
        try (client) {
            InputStream in = client.getInputStream();
            String head = readHead(in);
            String firstLine = head.lines().findFirst().orElse("");
            OutputStream out = client.getOutputStream();
            if (!firstLine.toLowerCase(Locale.ROOT).startsWith("connect " + HOST + ":443 ")) {
                refusedTunnels.increment();
                out.write("HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                        .getBytes(StandardCharsets.US_ASCII));
                return;
            }
            tunnels.increment();
            try (Socket upstream = new Socket(InetAddress.getLoopbackAddress(), server.httpsPort())) {
                out.write("HTTP/1.1 200 Connection established\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                Thread back = new Thread(() -> copy(upstream, client), "login-proxy-back");
                back.setDaemon(true);
                back.start();
                copy(client, upstream);
                back.join(TimeUnit.SECONDS.toMillis(5));
            }
        } catch (IOException | InterruptedException e) {
            // The app closed the tunnel, or the run ends.
        }
    }

    private static void copy(Socket from, Socket to) {
        byte[] buffer = new byte[8192];
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            int read;
            while ((read = in.read(buffer)) >= 0) {
                out.write(buffer, 0, read);
                out.flush();
            }
            to.shutdownOutput();
        } catch (IOException e) {
            // closed by the other side
        }
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        while (matched < 4 && head.size() < 8192) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.write(b);
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        return head.toString(StandardCharsets.US_ASCII);
    }

    private static void keytool(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException("keytool " + arguments[0] + " failed: " + output.strip());
        }
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
        return aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody(body);
    }

    @Override
    public void close() {
        closed = true;
        try {
            proxy.close();
        } catch (IOException ignored) {
            // nothing to do
        }
        server.stop();
    }
}
