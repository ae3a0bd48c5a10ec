package dev.sluice.chat;

import dev.sluice.llm.config.ProviderDirectory;
import dev.sluice.llm.config.ProviderRegistry;
import dev.sluice.platform.problem.ProblemException;
import dev.sluice.platform.rest.PageCursor;
import dev.sluice.platform.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDateTime;

/**
 * The chat use cases for the signed-in caller. A chat someone may not read is reported as missing,
 * never as forbidden, so ids of other people's chats cannot be probed.
 */
@ApplicationScoped
@Transactional
public class ChatService {

  @Inject ChatRepository chats;
  @Inject ProviderRegistry providers;
  @Inject Caller caller;

  private final Clock clock = Clock.systemUTC();

  public Chat create(String title, String model, String systemPrompt) {
    ProviderDirectory directory = providers.directory();
    ChatDraft draft =
        ChatDraft.of(
            title,
            model,
            systemPrompt,
            id -> directory.catalog().find(id).isPresent(),
            directory.defaultModel());
    Chat chat = Chat.start(caller.name(), draft, clock);
    chats.add(chat);
    return chat;
  }

  /** The caller's own chats; an admin's list holds only the admin's too. */
  public ChatPage mine(int limit, PageCursor<LocalDateTime> after) {
    return ChatPage.of(chats.ownedBy(caller.name(), after, limit + 1), limit);
  }

  public Chat get(String id) {
    return chats
        .find(id)
        .filter(chat -> caller.mayRead(chat.owner()))
        .orElseThrow(() -> ProblemException.notFound("chat", id));
  }

  /** Renames one of the caller's chats (or any, for an admin). */
  public Chat rename(String id, String title) {
    String clean = ChatDraft.title(title);
    Chat chat = get(id);
    chat.rename(clean);
    return chat;
  }

  public void delete(String id) {
    chats.delete(get(id));
  }
}
