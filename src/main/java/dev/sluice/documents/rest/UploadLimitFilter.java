package dev.sluice.documents.rest;

import dev.sluice.documents.DocumentSettings;
import dev.sluice.documents.SizeLimitedStream;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;

/**
 * Bounds an upload's body by {@code sluice.documents.max-upload-bytes} before the JSON or multipart
 * reader sees it: a declared length over the limit is refused unread, and a body that turns out
 * longer is cut off at the limit while it is read. Either way the answer is a 413.
 */
@Provider
@LimitedUpload
@ApplicationScoped
public class UploadLimitFilter implements ContainerRequestFilter {

  @Inject DocumentSettings settings;

  @Override
  public void filter(ContainerRequestContext request) {
    long max = settings.maxUploadBytes();
    if (request.getLength() > max) {
      throw SizeLimitedStream.tooLarge(max);
    }
    request.setEntityStream(new SizeLimitedStream(request.getEntityStream(), max));
  }
}
