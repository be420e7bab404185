package io.tradingpipeline.localstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The command line of a server JVM. Its classpath is the one the server's Maven module recorded as the
 * resource {@code localstack/<module>.classpath}, so the server's jars never share a JVM with ours.
 */
final class JavaCommand {

    private final List<String> classpath;
    private final List<String> jvmOptions = new ArrayList<>();

    private JavaCommand(List<String> classpath) {
        this.classpath = classpath;
    }

    static JavaCommand ofRecordedClasspath(String module) {
        String resource = "/localstack/" + module + ".classpath";
        try (InputStream in = JavaCommand.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("classpath resource " + resource + " is missing: build the "
                        + module + " module (mvn install -pl local-stack -am)");
            }
            List<String> jars = Arrays.stream(new String(in.readAllBytes(), StandardCharsets.UTF_8).trim().split(":"))
                    .filter(jar -> !jar.isBlank())
                    .toList();
            for (String jar : jars) {
                if (!Files.isRegularFile(Path.of(jar))) {
                    throw new IllegalStateException(jar + " from " + resource
                            + " does not exist: re-resolve it with mvn install -pl local-stack -am");
                }
            }
            return new JavaCommand(jars);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    JavaCommand jvmOptions(String... options) {
        jvmOptions.addAll(List.of(options));
        return this;
    }

    /** The classpath entry whose file name starts with {@code prefix}, e.g. the jamm agent. */
    String jar(String prefix) {
        return classpath.stream()
                .filter(jar -> Path.of(jar).getFileName().toString().startsWith(prefix))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no " + prefix + "* jar on the recorded classpath"));
    }

    List<String> mainClass(String mainClass, String... arguments) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(String.join(":", classpath));
        command.add(mainClass);
        command.addAll(List.of(arguments));
        return command;
    }
}
