package io.tradingpipeline.localstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Plain requests to the servers' HTTP endpoints on loopback (readiness probes, REST APIs). */
final class LoopbackHttp {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private LoopbackHttp() {
    }

    /** The body of {@code GET http://127.0.0.1:<port><path>}; anything but 200 is an IOException. */
    static String get(int port, String path) throws IOException, InterruptedException {
        HttpResponse<String> response = CLIENT.send(HttpRequest.newBuilder(
                        URI.create("http://" + Ports.LOOPBACK + ":" + port + path)).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("GET " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    /** The body of {@code POST http://127.0.0.1:<port><path>} with a JSON body; anything but 2xx is an IOException. */
    static String post(int port, String path, String json) throws IOException, InterruptedException {
        HttpResponse<String> response = CLIENT.send(HttpRequest.newBuilder(
                        URI.create("http://" + Ports.LOOPBACK + ":" + port + path)).timeout(Duration.ofSeconds(10))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IOException("POST " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }
}
