@cloud-auth @interoperability
Feature: Cloud device information derives the CONNECT credentials (spec 3.3.1 note 5, 3.3.4)

  With "aliauth", "onenet", "hwauth" or "hwprodid" configured, AT+QMTCONN may leave out
  <username> and <password> (spec 3.3.1 note 5, the 5.1 example): the module derives the client
  id, user name and password the platform expects from the device information. The broker
  fixture checks the CONNECT with each platform's published algorithm (written independently of
  the simulated module) and refuses it with CONNACK 4 ("bad user name or password") unless it
  verifies — so a scenario passes only when the module signed correctly. Secrets are made up per
  run and masked in every report. Huawei names a device <product id>_<node id>. The note does not
  say where "hwauth" takes the node id from (it configures only <product id> and the device
  secret); the scenario reads it as the <clientid> of AT+QMTCONN, which is what the simulated
  firmware does, and the broker is told that device id. "hwprodid" configures the node id itself
  and signs with the product secret.
  Time-bound fields (OneNET et, Huawei signature type 1) are not checked: a module's calendar
  clock is outside the note.

  Interoperability beyond the application note: the note only says these settings
  exist and that AT+QMTCONN may then leave out <username> and <password> (3.3.1 note 5). What
  the platforms' algorithms expect is not in it, so a CONNECT the platform check refuses, or
  credentials that are not what the platform expects, fail as "interoperability:", never as
  non-conformance. What the note does say (OK, a CONNECT, +QMTCONN with the CONNACK's result)
  still fails as non-conformance. No reading of the note is involved.

  # The platforms speak MQTT 3.1.1; under MQTT 3.1 a server may refuse client ids over 23
  # characters, and the derived ones are longer. The default <vsn> is not stated (A8).
  Background:
    When the host sends AT+QMTCFG="version",0,4
    Then the module answers OK

  Rule: Credentials derived from the configured device information are accepted

    @spec:3.3.1:aliauth:set @spec:3.3.4:set @spec:3.3.4:ret_code=0
    Scenario: Alibaba Cloud ("aliauth") — client id, deviceName&productKey and the HMAC signature
      When the host sends AT+QMTCFG="aliauth",0,"a1QmtTest","dev-ali-01","{device-secret}"
      Then the module answers OK
      Given the broker accepts only the cloud identity:
        | platform      | aliauth         |
        | product key   | a1QmtTest       |
        | device name   | dev-ali-01      |
        | device secret | {device-secret} |
      And client 0 has opened a network connection to the broker
      When the host sends AT+QMTCONN=0,"clientExample"
      Then the module answers OK
      And the broker receives a CONNECT whose cloud credentials verify
      And the module reports +QMTCONN: 0,0,0
      And by the platform's rules the broker receives a CONNECT with:
        | user name | dev-ali-01&a1QmtTest |

    @spec:3.3.1:onenet:set @spec:3.3.4:set @spec:3.3.4:ret_code=0
    Scenario: China Mobile OneNET ("onenet") — product id as user name and a signed token
      When the host sends AT+QMTCFG="onenet",0,"512345","{access-key}"
      Then the module answers OK
      Given the broker accepts only the cloud identity:
        | platform   | onenet       |
        | product id | 512345       |
        | access key | {access-key} |
      And client 0 has opened a network connection to the broker
      When the host sends AT+QMTCONN=0,"dev-onenet-01"
      Then the module answers OK
      And the broker receives a CONNECT whose cloud credentials verify
      And the module reports +QMTCONN: 0,0,0
      And by the platform's rules the broker receives a CONNECT with:
        | client id | dev-onenet-01 |
        | user name | 512345        |

    @spec:3.3.1:hwauth:set @spec:3.3.4:set @spec:3.3.4:ret_code=0
    Scenario: Huawei IoT ("hwauth") — product id and the AT+QMTCONN client id as node id, signed with the device secret
      When the host sends AT+QMTCFG="hwauth",0,"hw-prod-01","{device-secret}"
      Then the module answers OK
      Given the broker accepts only the cloud identity:
        | platform      | hwauth                |
        | device id     | hw-prod-01_hw-node-01 |
        | device secret | {device-secret}       |
      And client 0 has opened a network connection to the broker
      When the host sends AT+QMTCONN=0,"hw-node-01"
      Then the module answers OK
      And the broker receives a CONNECT whose cloud credentials verify
      And the module reports +QMTCONN: 0,0,0
      And by the platform's rules the broker receives a CONNECT with:
        | user name | hw-prod-01_hw-node-01 |

    @spec:3.3.1:hwprodid:set @spec:3.3.4:set @spec:3.3.4:ret_code=0
    Scenario: Huawei IoT ("hwprodid") — product id and node id, signed with the product secret
      When the host sends AT+QMTCFG="hwprodid",0,"hw-prod-01","{product-secret}","node-7"
      Then the module answers OK
      Given the broker accepts only the cloud identity:
        | platform       | hwprodid         |
        | product id     | hw-prod-01       |
        | product secret | {product-secret} |
        | node id        | node-7           |
      And client 0 has opened a network connection to the broker
      When the host sends AT+QMTCONN=0,"hw-client"
      Then the module answers OK
      And the broker receives a CONNECT whose cloud credentials verify
      And the module reports +QMTCONN: 0,0,0
      And by the platform's rules the broker receives a CONNECT with:
        | user name | hw-prod-01_node-7 |

  Rule: Credentials that do not verify are refused with ret_code 4

    @spec:3.3.4:ret_code=4 @spec:3.3.1:aliauth:set @spec:3.3.4:set
    Scenario: The module signs with a device secret the platform does not hold: +QMTCONN: 0,0,4
      When the host sends AT+QMTCFG="aliauth",0,"a1QmtTest","dev-ali-02","{device-secret}"
      Then the module answers OK
      Given the broker accepts only the cloud identity:
        | platform      | aliauth                 |
        | product key   | a1QmtTest               |
        | device name   | dev-ali-02              |
        | device secret | not-the-module-s-secret |
      And client 0 has opened a network connection to the broker
      When the host sends AT+QMTCONN=0,"clientExample"
      Then the module answers OK
      And the module reports +QMTCONN: 0,0,4
      And by the platform's rules the broker receives a CONNECT with:
        | user name | dev-ali-02&a1QmtTest |
