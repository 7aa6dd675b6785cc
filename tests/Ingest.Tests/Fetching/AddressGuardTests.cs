using System.Net;
using Pipeline.Ingest.Fetching;

namespace Pipeline.Ingest.Tests.Fetching;

/// <summary>Which addresses a link found in a feed may reach: public ones only, however the address is written.</summary>
public sealed class AddressGuardTests
{
    [Theory]
    [InlineData("8.8.8.8")]
    [InlineData("2a00:1450:4001:81c::200e")]
    [InlineData("64:ff9b::808:808")]      // NAT64 of 8.8.8.8
    [InlineData("2002:808:808::1")]       // 6to4 of 8.8.8.8
    public void IsPublic_PublicAddresses_AreAllowed(string address) => Assert.True(AddressGuard.IsPublic(IPAddress.Parse(address)));

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("10.1.2.3")]
    [InlineData("169.254.169.254")]
    [InlineData("::1")]
    [InlineData("fd00::1")]
    [InlineData("::ffff:10.0.0.1")]
    // A NAT64 gateway (RFC 6052) connects to the IPv4 address in the last 32 bits.
    [InlineData("64:ff9b::7f00:1")]       // 127.0.0.1
    [InlineData("64:ff9b::a00:1")]        // 10.0.0.1
    [InlineData("64:ff9b::a9fe:a9fe")]    // 169.254.169.254, the cloud metadata service
    [InlineData("64:ff9b:1::a00:1")]      // the local-use NAT64 prefix (RFC 8215)
    // A 6to4 relay (RFC 3056) connects to the IPv4 address in bits 16–47.
    [InlineData("2002:7f00:1::1")]        // 127.0.0.1
    [InlineData("2002:c0a8:101::1")]      // 192.168.1.1
    [InlineData("2002:a9fe:a9fe::")]      // 169.254.169.254
    public void IsPublic_PrivateAddressesInAnyForm_AreRefused(string address) => Assert.False(AddressGuard.IsPublic(IPAddress.Parse(address)));
}
