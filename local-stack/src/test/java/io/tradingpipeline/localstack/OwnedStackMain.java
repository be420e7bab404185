package io.tradingpipeline.localstack;

/**
 * Run in a child JVM by {@link OwnerKilledIT}: starts Kafka and MariaDB, prints their and their watchdogs' pids, then sleeps until
 * it is killed.
 */
public final class OwnedStackMain {

    private OwnedStackMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        LocalStack stack = LocalStack.builder().withKafka().withMySql().start();
        System.out.println("kafka.pid=" + stack.kafka().pid());
        System.out.println("mysql.pid=" + stack.mysql().pid());
        System.out.println("kafka.watchdog.pid=" + stack.kafka().process().watchdogPid());
        System.out.println("mysql.watchdog.pid=" + stack.mysql().process().watchdogPid());
        System.out.println("data.dir=" + stack.dataDir());
        System.out.println("ready");
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
