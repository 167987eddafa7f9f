package org.frontline.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

class WorkplaceTests {

	@Test
	void everyKindIsNamedByTheCodeAccountsStore() {
		assertThat(Arrays.stream(Workplace.values()).map(Workplace::code))
			.containsExactly("site", "lab", "facility", "enterprise", "unit", "warehouse");
		for (Workplace kind : Workplace.values()) {
			assertThat(Workplace.ofCode(kind.code())).contains(kind);
		}
		assertThat(Workplace.ofCode("SITE")).isEmpty();
		assertThat(Workplace.ofCode("community")).isEmpty();
	}

	@Test
	void aViewerKeepsItsPlaceThroughASession() throws Exception {
		Viewer lab = new Viewer(7, "lab7", Set.of(Role.LAB), "320602", Map.of(Workplace.LAB, 42L));

		Viewer read = roundTrip(lab);

		assertThat(read.place(Workplace.LAB)).isEqualTo(42L);
		assertThat(read.place(Workplace.SITE)).isNull();
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	@Test
	void aSessionStoredWhenPlacesWereKeyedByCodeStillLimitsItsViewerToThatPlace() {
		// A record is deserialized through its canonical constructor: this is what a kept session's map reaches.
		Viewer kept = new Viewer(7, "lab7", Set.of(Role.LAB), "320602", (Map) Map.of("lab", 42L));

		assertThat(kept.place(Workplace.LAB)).isEqualTo(42L);
		assertThat(kept.places()).containsOnlyKeys(Workplace.LAB);
	}

	private static Viewer roundTrip(Viewer viewer) throws IOException, ClassNotFoundException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
			out.writeObject(viewer);
		}
		try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
			return (Viewer) in.readObject();
		}
	}
}
