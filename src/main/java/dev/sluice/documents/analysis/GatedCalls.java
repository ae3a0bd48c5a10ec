package dev.sluice.documents.analysis;

import dev.sluice.admission.CallOrigin;
import dev.sluice.admission.GatedStream;
import dev.sluice.admission.Priority;
import dev.sluice.llm.ChatRequest;

/**
 * Starts one provider call through the admission gate and returns at once; in the server this is
 * {@link dev.sluice.admission.service.AdmissionGate#stream}, in tests a scripted fake.
 */
@FunctionalInterface
public interface GatedCalls {

  GatedStream start(ChatRequest request, Priority priority, CallOrigin origin);
}
