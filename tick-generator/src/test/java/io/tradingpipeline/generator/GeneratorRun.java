package io.tradingpipeline.generator;

import io.tradingpipeline.localstack.LocalStack;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Runs the generator in-process like the CLI does, capturing stderr. */
record GeneratorRun(int exitCode, String stderr) {

    private static final Pattern FIRST_ID = Pattern.compile("first id (\\d+)");
    private static final Pattern SENT_ROUNDS = Pattern.compile("summary: ([\\d,]+) rounds sent");

    static GeneratorRun of(List<String> args) {
        return of(args, new StopSignal());
    }

    static GeneratorRun of(List<String> args, StopSignal stop) {
        StringWriter err = new StringWriter();
        int exit = TickGeneratorCli.execute(args.toArray(String[]::new), new PrintWriter(new StringWriter(), true),
                new PrintWriter(err, true), stop);
        return new GeneratorRun(exit, err.toString());
    }

    /**
     * Connection flags for the local stack's servers, writing to {@code topic}, then {@code extra} flags
     * ({@code --name=value}); an extra flag replaces a connection flag of the same name.
     */
    static List<String> args(LocalStack stack, String topic, String... extra) {
        var generator = stack.mysql().generator();
        Map<String, String> flags = new LinkedHashMap<>();
        flags.put("--kafka-bootstrap-servers", stack.kafka().bootstrapServers());
        flags.put("--kafka-topic", topic);
        flags.put("--mysql-url", stack.mysql().jdbcUrl());
        flags.put("--mysql-generator-user", generator.user());
        flags.put("--mysql-generator-password", generator.password());
        flags.put("--progress-interval", "1s");
        flags.put("--max-block", "20s");
        List<String> args = new ArrayList<>();
        for (String flag : extra) {
            String name = flag.split("=", 2)[0];
            if (flags.containsKey(name)) {
                flags.put(name, flag.substring(name.length() + 1));
            } else {
                args.add(flag);
            }
        }
        flags.forEach((name, value) -> args.add(name + "=" + value));
        return args;
    }

    /** A new topic with the partition count of {@code trading_data}. */
    static String freshTopic(LocalStack stack) {
        String topic = "ticks_" + UUID.randomUUID().toString().replace("-", "");
        stack.kafka().createTopic(topic, 4);
        return topic;
    }

    long firstId() {
        return Long.parseLong(group(FIRST_ID));
    }

    long sentRounds() {
        return Long.parseLong(group(SENT_ROUNDS).replace(",", ""));
    }

    private String group(Pattern pattern) {
        Matcher matcher = pattern.matcher(stderr);
        if (!matcher.find()) {
            throw new AssertionError("no '" + pattern + "' in stderr:\n" + stderr);
        }
        return matcher.group(1);
    }
}
