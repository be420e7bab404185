package io.tradingpipeline.job.testsupport;

import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;

/** The MiniCluster the tests run the job on. */
public final class TestClusters {
    private TestClusters() {}

    /** One TaskManager with two slots, for jobs at parallelism 2. */
    public static MiniClusterExtension twoSlots() {
        return new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
                .setNumberTaskManagers(1)
                .setNumberSlotsPerTaskManager(2)
                .build());
    }
}
