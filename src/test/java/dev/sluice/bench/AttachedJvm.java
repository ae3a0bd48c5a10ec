package dev.sluice.bench;

import com.sun.tools.attach.VirtualMachine;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;

/**
 * Another JVM, attached once, that runs diagnostic commands as {@code jcmd} would, without starting
 * a {@code jcmd} process per command: on a busy machine that start takes a second or more, long
 * enough for the plateau being measured to end. Needs {@code --add-exports
 * jdk.attach/sun.tools.attach=ALL-UNNAMED} (set by {@code bin/bench-chats}).
 */
final class AttachedJvm implements AutoCloseable {

  private final VirtualMachine vm;
  private final Method executeJCmd;

  private AttachedJvm(VirtualMachine vm, Method executeJCmd) {
    this.vm = vm;
    this.executeJCmd = executeJCmd;
  }

  static AttachedJvm attach(long pid) throws IOException {
    try {
      Method command =
          Class.forName("sun.tools.attach.HotSpotVirtualMachine")
              .getMethod("executeJCmd", String.class);
      return new AttachedJvm(VirtualMachine.attach(String.valueOf(pid)), command);
    } catch (ReflectiveOperationException | com.sun.tools.attach.AttachNotSupportedException e) {
      throw new IOException("cannot attach to process " + pid + ": " + e, e);
    }
  }

  /** Runs a diagnostic command, e.g. {@code GC.class_histogram}, and returns its output. */
  String run(String command) throws IOException {
    try (InputStream out = (InputStream) executeJCmd.invoke(vm, command)) {
      // Read until the stream says no more, as jcmd does: readAllBytes() stops after 4 KiB here.
      ByteArrayOutputStream text = new ByteArrayOutputStream();
      byte[] buffer = new byte[8192];
      for (int n; (n = out.read(buffer)) > 0; ) {
        text.write(buffer, 0, n);
      }
      return text.toString(StandardCharsets.UTF_8);
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new IOException(command + " failed: " + e, e);
    }
  }

  @Override
  public void close() throws IOException {
    vm.detach();
  }
}
