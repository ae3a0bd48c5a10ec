package dev.sluice.queues;

import static dev.sluice.queues.FakeMessages.browser;
import static dev.sluice.queues.FakeMessages.bytes;
import static dev.sluice.queues.FakeMessages.text;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.jms.Message;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class NewestFailedTest {

  @Test
  void keepsTheNewestNewestFirstWhateverTheBrowseOrder() throws Exception {
    List<Message> messages =
        List.of(
            text("ID:b", "job-b", 9, 2_000, 3),
            text("ID:a", "job-a", 4, 1_000, 3),
            text("ID:d", "job-d", 1, 4_000, 3),
            text("ID:c", "job-c", 4, 3_000, 3));

    List<FailedJob> newest = NewestFailed.of(browser(messages), 2, 100);

    assertThat(newest).extracting(FailedJob::messageId).containsExactly("ID:d", "ID:c");
  }

  @Test
  void readsWhatAConsumerReadsAndWhatTheProviderTells() throws Exception {
    List<Message> messages = List.of(text("ID:t", "answer-1", 7, 5_000, 3), bytes("ID:b", 4, 0));

    List<FailedJob> jobs = NewestFailed.of(browser(messages), 10, 100);

    assertThat(jobs)
        .containsExactly(
            new FailedJob("ID:t", "answer-1", 7, Instant.ofEpochMilli(5_000), 3),
            new FailedJob("ID:b", null, 4, null, null));
  }

  @Test
  void looksNoFurtherThanTheCap() throws Exception {
    List<Message> messages =
        List.of(
            text("ID:1", "j", 4, 1_000, null),
            text("ID:2", "j", 4, 2_000, null),
            text("ID:3", "j", 4, 9_000, null));

    List<FailedJob> jobs = NewestFailed.of(browser(messages), 10, 2);

    assertThat(jobs).extracting(FailedJob::messageId).containsExactly("ID:2", "ID:1");
  }
}
