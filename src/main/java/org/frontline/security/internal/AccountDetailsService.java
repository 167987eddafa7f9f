package org.frontline.security.internal;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

@Component
class AccountDetailsService implements UserDetailsService {

	private final UserRepository users;

	AccountDetailsService(UserRepository users) {
		this.users = users;
	}

	@Override
	public UserDetails loadUserByUsername(String username) {
		return users.findByUsername(username)
			.map(stored -> new AccountPrincipal(stored.account(), stored.passwordHash()))
			.orElseThrow(() -> new UsernameNotFoundException("No such user"));
	}
}
