package dev.sluice.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.chat.ChatJobStore;
import dev.sluice.chat.ChatMessage;
import dev.sluice.chat.ChatRepository;
import dev.sluice.chat.MessageStatus;
import dev.sluice.chat.StreamingRecovery;
import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;
import java.time.Clock;
import java.time.Duration;
import org.eclipse.microprofile.metrics.MetricID;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Inside the container: an answer a stopped server left streaming ends interrupted with its saved
 * text when the recovery that runs at every start runs, and an answer streaming now is left alone.
 */
@ExtendWith(ArquillianExtension.class)
class StreamingRecoveryIT {

  @Deployment
  static WebArchive app() {
    return SluiceDeployment.war().addClasses(StreamingRecoveryIT.class, AnswerRows.class);
  }

  @Inject ChatRepository chats;
  @Inject ChatJobStore store;
  @Inject StreamingRecovery recovery;
  @Inject MetricRegistry metrics;
  @Inject UserTransaction tx;

  @Test
  void anAnswerLeftStreamingByAnEarlierRunIsInterruptedKeepingItsText() throws Exception {
    // Written an hour ago: the last partial save of a server that has stopped since.
    Clock earlier = Clock.offset(Clock.systemUTC(), Duration.ofHours(-1));
    ChatMessage left =
        AnswerRows.write(
            chats, "Tell me a story", MessageStatus.STREAMING, "Once upon a time", earlier);
    ChatMessage live =
        AnswerRows.write(
            chats, "Tell me another", MessageStatus.STREAMING, "Long ago", Clock.systemUTC());
    long interruptedBefore = interrupted();
    try {
      recovery.interruptLeftOver();

      ChatMessage after = store.find(left.id()).orElseThrow();
      assertEquals(MessageStatus.INTERRUPTED, after.status());
      assertEquals("Once upon a time", after.content());
      assertEquals("SERVER_STOPPED", after.errorCode());
      assertEquals("the server stopped while this answer was streaming", after.errorMessage());
      assertTrue(after.updatedAt().isAfter(left.updatedAt()));
      // At least one: answers left by earlier runs may be ended by the same pass.
      assertTrue(interrupted() - interruptedBefore >= 1);

      ChatMessage untouched = store.find(live.id()).orElseThrow();
      assertEquals(MessageStatus.STREAMING, untouched.status());
      assertEquals("Long ago", untouched.content());
      assertEquals(0, recovery.interruptLeftOver(), "a second pass finds nothing left");
    } finally {
      // Streaming "now" only for this test: gone, so no later start finds it left over.
      tx.begin();
      chats.delete(chats.find(live.chatId()).orElseThrow());
      tx.commit();
    }
  }

  private long interrupted() {
    var counter =
        metrics
            .getCounters()
            .get(new MetricID("sluice.chat.jobs", new Tag("outcome", "interrupted")));
    return counter == null ? 0 : counter.getCount();
  }
}
