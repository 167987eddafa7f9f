package org.frontline.people.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class CodeSignerTests {

	private final CodeSigner signer = new CodeSigner("a server secret of 32 bytes!!!!!".getBytes(StandardCharsets.US_ASCII));

	@Test
	void aSignedCodeIsCompactCarriesNoPersonalDataAndVerifies() {
		String code = signer.sign(123456, 2);
		assertThat(code).matches("FL1\\.123456\\.2\\.[A-Za-z0-9_-]{22}").hasSizeLessThan(40);
		CodeSigner.Parsed parsed = CodeSigner.parse(code);
		assertThat(parsed.personId()).isEqualTo(123456);
		assertThat(parsed.version()).isEqualTo(2);
		assertThat(signer.verify(parsed)).isTrue();
	}

	@Test
	void aChangedPersonVersionOrMacOrAnotherSecretFailsVerification() {
		String code = signer.sign(42, 1);
		String mac = code.substring(code.lastIndexOf('.') + 1);
		assertThat(signer.verify(CodeSigner.parse("FL1.43.1." + mac))).isFalse();
		assertThat(signer.verify(CodeSigner.parse("FL1.42.2." + mac))).isFalse();
		String flipped = (mac.charAt(0) == 'A' ? 'B' : 'A') + mac.substring(1);
		assertThat(signer.verify(CodeSigner.parse("FL1.42.1." + flipped))).isFalse();
		CodeSigner other = new CodeSigner("another secret of thirty-two by".getBytes(StandardCharsets.US_ASCII));
		assertThat(other.verify(CodeSigner.parse(code))).isFalse();
	}

	@Test
	void anythingElseIsNotACode() {
		assertThat(CodeSigner.parse(null)).isNull();
		assertThat(CodeSigner.parse("https://example.com")).isNull();
		assertThat(CodeSigner.parse("320602199001011234")).isNull();
		assertThat(CodeSigner.parse("FL1.12.1.short")).isNull();
		assertThat(CodeSigner.parse("FL2.12.1.AAAAAAAAAAAAAAAAAAAAAA")).isNull();
	}
}
