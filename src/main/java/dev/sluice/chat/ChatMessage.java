package dev.sluice.chat;

import dev.sluice.admission.Priority;
import dev.sluice.platform.database.Timestamps;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.UUID;

/**
 * One message of a chat, at position {@code seq}. An assistant message also records how its answer
 * was produced: the model asked for and the one that answered (they differ after a fallback),
 * usage, cost, timings, every attempt (JSON) and, when it failed, why.
 */
@Entity
@Table(name = "chat_message")
public class ChatMessage {

  @Id
  @Column(length = 36)
  private String id;

  @Column(name = "chat_id", nullable = false, length = 36)
  private String chatId;

  @Column(nullable = false)
  private int seq;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private MessageRole role;

  @Column(nullable = false)
  private String content;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private MessageStatus status;

  @Column(name = "model_requested")
  private String modelRequested;

  @Column(name = "model_answered")
  private String modelAnswered;

  @Column(name = "input_tokens")
  private Integer inputTokens;

  @Column(name = "output_tokens")
  private Integer outputTokens;

  @Column(name = "cached_tokens")
  private Integer cachedTokens;

  @Column(name = "cost_usd", precision = 18, scale = 10)
  private BigDecimal costUsd;

  @Column(name = "time_to_first_token_ms")
  private Long timeToFirstTokenMs;

  @Column(name = "total_time_ms")
  private Long totalTimeMs;

  private String attempts;

  @Column(name = "error_code")
  private String errorCode;

  @Column(name = "error_message")
  private String errorMessage;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Priority priority;

  @Column(name = "created_at", nullable = false)
  private LocalDateTime createdAt;

  @Column(name = "updated_at", nullable = false)
  private LocalDateTime updatedAt;

  /** The seq of the message this one replaces: a regenerated answer's or an edited question's. */
  @Column(name = "replaces_seq")
  private Integer replacesSeq;

  /** The node that claimed the answer (written by the claim, never through this entity). */
  @Column(name = "owner_node", length = 36, insertable = false, updatable = false)
  private String ownerNode;

  protected ChatMessage() {}

  /** A new message at {@code seq} of {@code chat}; an assistant's asks for the chat's model. */
  public static ChatMessage of(
      Chat chat,
      int seq,
      MessageRole role,
      String content,
      MessageStatus status,
      Priority priority,
      Clock clock) {
    return posted(
        chat.id(),
        seq,
        role,
        content,
        status,
        priority,
        role == MessageRole.ASSISTANT ? chat.model() : null,
        Timestamps.now(clock));
  }

  /**
   * A new message written over plain JDBC ({@link AskWrite}) rather than persisted: {@code
   * modelRequested} is an answer's model, null for a question.
   */
  static ChatMessage posted(
      String chatId,
      int seq,
      MessageRole role,
      String content,
      MessageStatus status,
      Priority priority,
      String modelRequested,
      LocalDateTime at) {
    ChatMessage message = new ChatMessage();
    message.id = UUID.randomUUID().toString();
    message.chatId = chatId;
    message.seq = seq;
    message.role = role;
    message.content = content;
    message.status = status;
    message.priority = priority;
    message.modelRequested = modelRequested;
    message.createdAt = at;
    message.updatedAt = at;
    return message;
  }

  /**
   * A stored message as far as a prompt and a job's plan need it, read over plain JDBC ({@link
   * ConversationRows}).
   */
  static ChatMessage stored(
      String id,
      int seq,
      MessageRole role,
      MessageStatus status,
      String content,
      Integer replaces,
      String modelRequested,
      Priority priority) {
    ChatMessage message = new ChatMessage();
    message.id = id;
    message.seq = seq;
    message.role = role;
    message.status = status;
    message.content = content;
    message.replacesSeq = replaces;
    message.modelRequested = modelRequested;
    message.priority = priority;
    return message;
  }

  /** Marks this message as the new version of the chat's message at {@code seq}. */
  public void replace(int seq) {
    replacesSeq = seq;
  }

  /** The seq of the message this one replaces, or null. */
  public Integer replacesSeq() {
    return replacesSeq;
  }

  /** Asks for {@code model} instead of the chat's. */
  public void requestModel(String model) {
    modelRequested = model;
  }

  /** Records a completed answer and how it was produced. */
  public void complete(AnswerRecord answer, Clock clock) {
    content = answer.content();
    status = MessageStatus.COMPLETED;
    modelAnswered = answer.model();
    inputTokens = answer.inputTokens();
    outputTokens = answer.outputTokens();
    cachedTokens = answer.cachedTokens();
    costUsd = answer.costUsd();
    timeToFirstTokenMs = answer.timeToFirstTokenMs();
    totalTimeMs = answer.totalTimeMs();
    attempts = answer.attempts();
    updatedAt = Timestamps.now(clock);
  }

  /** Ends the answer without completing it, keeping {@code partial} as its content. */
  public void end(
      MessageStatus finalStatus,
      String partial,
      String code,
      String reason,
      String tries,
      Clock clock) {
    status = finalStatus;
    content = partial == null ? "" : partial;
    errorCode = code;
    errorMessage = reason == null || reason.length() <= 2000 ? reason : reason.substring(0, 2000);
    attempts = tries;
    updatedAt = Timestamps.now(clock);
  }

  public String id() {
    return id;
  }

  public String chatId() {
    return chatId;
  }

  public int seq() {
    return seq;
  }

  public MessageRole role() {
    return role;
  }

  public String content() {
    return content;
  }

  public MessageStatus status() {
    return status;
  }

  public Priority priority() {
    return priority;
  }

  public String modelRequested() {
    return modelRequested;
  }

  public String modelAnswered() {
    return modelAnswered;
  }

  public Integer inputTokens() {
    return inputTokens;
  }

  public Integer outputTokens() {
    return outputTokens;
  }

  public Integer cachedTokens() {
    return cachedTokens;
  }

  public BigDecimal costUsd() {
    return costUsd;
  }

  public Long timeToFirstTokenMs() {
    return timeToFirstTokenMs;
  }

  public Long totalTimeMs() {
    return totalTimeMs;
  }

  public String attempts() {
    return attempts;
  }

  public String errorCode() {
    return errorCode;
  }

  public String errorMessage() {
    return errorMessage;
  }

  public Instant createdAt() {
    return Timestamps.toInstant(createdAt);
  }

  public Instant updatedAt() {
    return Timestamps.toInstant(updatedAt);
  }

  /** The node that claimed the answer; null if none did (or before nodes existed). */
  public String ownerNode() {
    return ownerNode;
  }
}
