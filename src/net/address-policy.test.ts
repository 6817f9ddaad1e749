import { expect, it } from 'vitest';
import { isPublicAddress } from './address-policy.js';

it.each([
  '127.0.0.1', '127.8.9.1', '10.0.0.1', '172.16.5.4', '172.31.255.255', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0',
  '224.0.0.1', '255.255.255.255', '192.0.2.10', '198.18.0.1',
  '::', '::1', '[::1]', 'fe80::1', 'fe80::1%eth0', 'fc00::1', 'fd12:3456::1', 'ff02::1', '::ffff:127.0.0.1', '::ffff:10.0.0.1',
  '::ffff:7f00:1', '64:ff9b::a00:1', '2002:7f00:1::', '2001:db8::1', 'not-an-ip', '',
])('%s is not public', (address) => expect(isPublicAddress(address)).toBe(false));

it.each(['8.8.8.8', '1.1.1.1', '151.101.1.69', '172.32.0.1', '2a00:1450:4009:80b::200e', '2606:4700::6810:84e5'])('%s is public', (address) =>
  expect(isPublicAddress(address)).toBe(true),
);
