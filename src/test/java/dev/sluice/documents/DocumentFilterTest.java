package dev.sluice.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.sluice.platform.problem.ProblemException;
import org.junit.jupiter.api.Test;

class DocumentFilterTest {

  @Test
  void blankParametersFilterNothing() {
    assertThat(DocumentFilter.of(null, " ")).isEqualTo(DocumentFilter.NONE);
  }

  @Test
  void theContentTypeIsMatchedInLowerCase() {
    assertThat(DocumentFilter.of(" Application/PDF ", null).contentType())
        .isEqualTo("application/pdf");
  }

  @Test
  void wildcardsInATitleAreMatchedLiterally() {
    DocumentFilter filter = DocumentFilter.of(null, "50%_Off!");

    assertThat(filter.titlePattern()).isEqualTo("%50!%!_off!!%");
  }

  @Test
  void anOverlongFilterIsABadRequestNamingIt() {
    ProblemException refused =
        catchThrowableOfType(
            ProblemException.class, () -> DocumentFilter.of(null, "t".repeat(201)));

    assertThat(refused.problem().status()).isEqualTo(400);
    assertThat(refused.problem().errors()).extracting(e -> e.field()).containsExactly("title");
  }
}
