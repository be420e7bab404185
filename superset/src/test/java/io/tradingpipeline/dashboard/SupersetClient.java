package io.tradingpipeline.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/** Superset's REST API as a logged-in user: a bearer token from {@code /api/v1/security/login}. */
final class SupersetClient {

    /** A JSON answer and its HTTP status. */
    record Response(int status, JsonNode body) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;
    private final String token;

    private SupersetClient(String baseUrl, String token) {
        this.baseUrl = baseUrl;
        this.token = token;
    }

    static SupersetClient login(String baseUrl, String user, String password) throws IOException, InterruptedException {
        String body = JSON.writeValueAsString(Map.of("username", user, "password", password, "provider", "db",
                "refresh", true));
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(baseUrl + "/api/v1/security/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("login as " + user + " failed: " + response.statusCode() + " " + response.body());
        }
        return new SupersetClient(baseUrl, JSON.readTree(response.body()).path("access_token").asText());
    }

    /** GET {@code path} (with {@code ?q=} rison when given); any status. */
    Response get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
        return new Response(response.statusCode(), JSON.readTree(response.body().isEmpty() ? "{}" : response.body()));
    }

    /** GET {@code path}, failing unless it answers 200. */
    JsonNode getOk(String path) throws IOException, InterruptedException {
        Response response = get(path);
        if (response.status() != 200) {
            throw new IllegalStateException("GET " + path + " answered " + response.status() + ": " + response.body());
        }
        return response.body();
    }

    static String rison(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
