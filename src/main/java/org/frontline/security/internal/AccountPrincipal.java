package org.frontline.security.internal;

import java.util.Collection;

import org.frontline.security.UserAccount;
import org.frontline.shared.Viewer;
import org.frontline.shared.ViewerPrincipal;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** The signed-in user as Spring Security holds it, in the session or for one API request. */
public final class AccountPrincipal implements UserDetails, ViewerPrincipal, CredentialsContainer {

	private final Viewer viewer;

	private final boolean enabled;

	private String passwordHash;

	public AccountPrincipal(UserAccount account, String passwordHash) {
		this.viewer = new Viewer(account.id(), account.username(), account.roles(), account.scope(), account.places());
		this.enabled = account.enabled();
		this.passwordHash = passwordHash;
	}

	@Override
	public Viewer viewer() {
		return viewer;
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		return viewer.roles().stream().map(r -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + r.name())).toList();
	}

	@Override
	public String getPassword() {
		return passwordHash;
	}

	@Override
	public String getUsername() {
		return viewer.username();
	}

	@Override
	public boolean isEnabled() {
		return enabled;
	}

	@Override
	public void eraseCredentials() {
		passwordHash = null;
	}

}
