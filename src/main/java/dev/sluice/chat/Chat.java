package dev.sluice.chat;

import dev.sluice.platform.database.Timestamps;
import dev.sluice.platform.rest.PageCursor;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.UUID;

/**
 * A conversation owned by one user, with the model and system prompt its answers use. Its id is a
 * random UUID: unguessable, and known before the row is written (for the Location header).
 */
@Entity
@Table(name = "chat")
public class Chat {

  @Id
  @Column(length = 36)
  private String id;

  @Column(nullable = false)
  private String owner;

  @Column(nullable = false, length = ChatDraft.MAX_TITLE)
  private String title;

  @Column(nullable = false)
  private String model;

  @Column(name = "system_prompt", length = ChatDraft.MAX_SYSTEM_PROMPT)
  private String systemPrompt;

  @Column(name = "created_at", nullable = false)
  private LocalDateTime createdAt;

  @Column(name = "updated_at", nullable = false)
  private LocalDateTime updatedAt;

  protected Chat() {}

  public static Chat start(String owner, ChatDraft draft, Clock clock) {
    Chat chat = new Chat();
    chat.id = UUID.randomUUID().toString();
    chat.owner = owner;
    chat.title = draft.title();
    chat.model = draft.model();
    chat.systemPrompt = draft.systemPrompt();
    chat.createdAt = Timestamps.now(clock);
    chat.updatedAt = chat.createdAt;
    return chat;
  }

  /** Marks the chat as active now, which moves it to the front of its owner's list. */
  public void touch(Clock clock) {
    updatedAt = Timestamps.now(clock);
  }

  /**
   * Gives the chat a new title, already validated ({@link ChatDraft#title(String)}); a rename is
   * not activity, so the chat keeps its place in the list.
   */
  public void rename(String newTitle) {
    title = newTitle;
  }

  public String id() {
    return id;
  }

  public String owner() {
    return owner;
  }

  public String title() {
    return title;
  }

  public String model() {
    return model;
  }

  public String systemPrompt() {
    return systemPrompt;
  }

  public Instant createdAt() {
    return Timestamps.toInstant(createdAt);
  }

  public Instant updatedAt() {
    return Timestamps.toInstant(updatedAt);
  }

  /** Where this chat stands in its owner's list: by {@code (updatedAt, id)}. */
  public PageCursor<LocalDateTime> cursor() {
    return new PageCursor<>(updatedAt, id);
  }
}
