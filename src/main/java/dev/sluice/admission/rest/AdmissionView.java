package dev.sluice.admission.rest;

import dev.sluice.admission.BreakerView;
import dev.sluice.admission.LaneSnapshot;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The gate at one instant: its lanes and the providers' breakers. */
@Schema(name = "Admission", description = "Every admission lane's live state and every breaker.")
public record AdmissionView(List<LaneSnapshot> lanes, List<BreakerView> breakers) {}
