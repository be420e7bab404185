package io.tradingpipeline.localstack;

import static io.tradingpipeline.localstack.FlinkRestSamples.CASSANDRA_DOWN;
import static io.tradingpipeline.localstack.FlinkRestSamples.DEAD_LETTER_TOO_LARGE;
import static io.tradingpipeline.localstack.FlinkRestSamples.METRIC_NOT_REPORTED;
import static io.tradingpipeline.localstack.FlinkRestSamples.MYSQL_REFUSED;
import static io.tradingpipeline.localstack.FlinkRestSamples.NO_FAILURE;
import static io.tradingpipeline.localstack.FlinkRestSamples.numRestarts;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JobRestartsTest {

    private static final int ROOMY = 500;

    @Test
    void aJobThatNeverFailedShowsZeroRestarts() throws Exception {
        assertThat(JobRestarts.parse(numRestarts(0), NO_FAILURE).describe(ROOMY)).isEqualTo("0 restarts");
    }

    @Test
    void aRestartingJobShowsItsRestartsAndTheInnermostCauseOfItsLastFailure() throws Exception {
        assertThat(JobRestarts.parse(numRestarts(6), MYSQL_REFUSED).describe(ROOMY))
                .isEqualTo("6 restarts, last: ConnectException: Connection refused");
    }

    @Test
    void aSuppressedExceptionIsNotTheCause() throws Exception {
        assertThat(JobRestarts.parse(numRestarts(7), CASSANDRA_DOWN).describe(ROOMY))
                .isEqualTo("7 restarts, last: NoHostAvailableException: All host(s) tried for query failed (tried: "
                        + "/127.0.0.1:42663 (com.datastax.driver.core.exceptions.TransportException: "
                        + "[/127.0.0.1:42663] Cannot connect))");
    }

    @Test
    void theCauseIsTheOneOfTheNewestFailure() throws Exception {
        JobRestarts restarts = JobRestarts.parse(numRestarts(7), DEAD_LETTER_TOO_LARGE);

        assertThat(restarts.describe(ROOMY)).isEqualTo("7 restarts, last: RecordTooLargeException: The message is "
                + "1048664 bytes when serialized which is larger than 1048576, which is the value of the "
                + "max.request.size configuration.");
    }

    @Test
    void aLongMessageIsShortenedToTheRoomLeft() throws Exception {
        String described = JobRestarts.parse(numRestarts(7), DEAD_LETTER_TOO_LARGE).describe(60);

        assertThat(described).isEqualTo("7 restarts, last: RecordTooLargeException: The message is 1…")
                .hasSize(60);
    }

    @Test
    void aMessageCutAfterAWordEndsWithTheWord() throws Exception {
        assertThat(JobRestarts.parse(numRestarts(7), CASSANDRA_DOWN).describe(80))
                .isEqualTo("7 restarts, last: NoHostAvailableException: All host(s) tried for query failed…");
    }

    @Test
    void theCountAndTheExceptionsNameAreNeverCut() throws Exception {
        assertThat(JobRestarts.parse(numRestarts(7), DEAD_LETTER_TOO_LARGE).describe(20))
                .isEqualTo("7 restarts, last: RecordTooLargeException");
    }

    @Test
    void oneRestartIsSingular() throws Exception {
        assertThat(JobRestarts.parse(numRestarts(1), MYSQL_REFUSED).describe(ROOMY)).startsWith("1 restart, last: ");
    }

    @Test
    void beforeTheJobManagerReportsTheCountOnlyTheFailureIsShown() throws Exception {
        assertThat(JobRestarts.parse(METRIC_NOT_REPORTED, MYSQL_REFUSED).describe(ROOMY))
                .isEqualTo("last: ConnectException: Connection refused");
        assertThat(JobRestarts.parse(METRIC_NOT_REPORTED, NO_FAILURE).describe(ROOMY)).isEmpty();
    }
}
