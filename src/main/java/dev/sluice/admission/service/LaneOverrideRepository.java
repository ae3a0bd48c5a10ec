package dev.sluice.admission.service;

import dev.sluice.admission.LaneOverride;
import java.util.List;
import java.util.Optional;

/** Where operators' lane overrides are kept, shared by every server of the deployment. */
public interface LaneOverrideRepository {

  List<LaneOverride> all();

  Optional<LaneOverride> find(String lane);

  /** Creates or replaces the lane's override. */
  void save(LaneOverride override);

  /** Removes the lane's override; false when it had none. */
  boolean delete(String lane);
}
