package dev.sluice.bench;

/** Everything one run of the chat benchmark measured; a scenario not run stays null. */
final class ChatResults {

  BenchDatabase database;
  String commandLine;
  ChatOutcome warmup;
  ChatOutcome directWarmup;
  ScenarioResult idle;
  ScenarioResult burst;
  ScenarioResult steady;
  ServerSnapshot idleServer;
  PlateauReading plateau;
  ChatOutcome plateauRound;
  IntakeResult intakeSluice;
  IntakeResult intakeDirect;
}
