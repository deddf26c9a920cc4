package org.citystep.fairuse;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;

import org.junit.jupiter.api.Test;

/** Whom a request is counted against, by address. */
class ClientTest {

    @Test
    void anIpv6CallerIsCountedByItsSlash64SoRotatingWithinItGainsNothing() throws UnknownHostException {
        String one = Client.network(InetAddress.getByName("2001:db8:85a3:42::8a2e:370:7334"));
        String other = Client.network(InetAddress.getByName("2001:db8:85a3:42:ffff:1:2:3"));
        assertThat(one).isEqualTo(other).isEqualTo("2001:db8:85a3:42::/64");
        assertThat(Client.network(InetAddress.getByName("2001:db8:85a3:43::1"))).isNotEqualTo(one);
    }

    @Test
    void anIpv4CallerIsCountedByItsAddress() throws UnknownHostException {
        assertThat(Client.network(InetAddress.getByName("192.0.2.7"))).isEqualTo("192.0.2.7");
        assertThat(Client.network(InetAddress.getByName("192.0.2.8"))).isNotEqualTo("192.0.2.7");
    }
}
