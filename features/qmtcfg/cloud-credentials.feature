@area:qmtcfg @cloud-auth
Feature: AT+QMTCFG cloud device information — "aliauth", "onenet", "hwauth", "hwprodid" (spec 3.3.1)

  Device information for Alibaba Cloud ("aliauth": product key, device name, device secret),
  China Mobile OneNET ("onenet": product id, access key) and the Huawei IoT platform ("hwauth":
  product id, device secret; "hwprodid": product id, product secret, node id). Secrets in these
  scenarios are made up per run ({device-secret} …) and masked in every transcript and report.
  The query prints "<produc key>" in the note (A12, a typo): the field is the product key.
  <hw_time_enable> appears only in the Huawei query answers, as "[,<hw_time_enable>]": reading
  A14query says whether it is printed, A14 whether it may trail the set parameters (0/1) or is not
  settable at all. Its default is not stated (A8: {default:hwTimeEnable}). A partial omission
  ("aliauth" without the device secret) keeps the previous values (spec 3.1.1) or is ERROR (A9).
  Sets are refused once the connection exists (A10, as in every sub-option). Whether the module
  derives the right credentials is checked on the wire in mqtt-behaviour/cloud-auth.feature.
  Readings of the note this feature depends on (src/variants/readings.ts): A8 (hwTimeEnable), A9, A10, A14, A14query.

  Rule: The set form stores the device information and the query reports it

    Scenario Outline: "<sub>" set on client <idx> is reported back
      When the host sends AT+QMTCFG="<sub>",<idx>,<value>
      Then the module answers OK
      When the host sends AT+QMTCFG="<sub>",<idx>
      Then by reading A14query the module answers one of:
        | printed | +QMTCFG: "<sub>",<reported><hw> |
        | omitted | +QMTCFG: "<sub>",<reported>     |

      @sub-option:aliauth @spec:3.3.1:aliauth:set @spec:3.3.1:aliauth:query @spec:3.3.1:max-response-time
      Examples: Alibaba Cloud
        | sub     | idx | value                                  | reported                               | hw |
        | aliauth | 0   | "a1pk","dev-01","{device-secret}"      | "a1pk","dev-01","{device-secret}"      |    |
        | aliauth | 5   | "pk2","dev-05","{device-secret}"       | "pk2","dev-05","{device-secret}"       |    |

      @sub-option:onenet @spec:3.3.1:onenet:set @spec:3.3.1:onenet:query
      Examples: China Mobile OneNET
        | sub    | idx | value                 | reported              | hw |
        | onenet | 0   | "512345","{access-key}" | "512345","{access-key}" |    |

      @sub-option:hwauth @spec:3.3.1:hwauth:set @spec:3.3.1:hwauth:query
      Examples: Huawei IoT, device secret
        | sub    | idx | value                        | reported                     | hw                      |
        | hwauth | 1   | "hwprod1","{device-secret}"  | "hwprod1","{device-secret}"  | ,{default:hwTimeEnable} |

      @sub-option:hwprodid @spec:3.3.1:hwprodid:set @spec:3.3.1:hwprodid:query
      Examples: Huawei IoT, product secret
        | sub      | idx | value                                  | reported                               | hw                      |
        | hwprodid | 2   | "hwprod2","{product-secret}","node-7"  | "hwprod2","{product-secret}","node-7"  | ,{default:hwTimeEnable} |

    @reading:A14=trailing-optional
    Scenario Outline: <hw_time_enable> <value> after the "<sub>" parameters is stored
      When the host sends AT+QMTCFG="<sub>",0,<params>,<value>
      Then by reading A14 the module answers one of:
        | trailing-optional | OK    |
        | not-settable      | ERROR |
      When the host sends AT+QMTCFG="<sub>",0
      Then by reading A14query the module answers one of:
        | printed | +QMTCFG: "<sub>",<params>,<value> |
        | omitted | +QMTCFG: "<sub>",<params>         |

      @sub-option:hwauth @spec:3.3.1:hwauth:hw_time_enable:range @spec:3.3.1:hwauth:query
      Examples: "hwauth"
        | sub    | params                      | value |
        | hwauth | "hp","{device-secret}"      | 0     |
        | hwauth | "hp","{device-secret}"      | 1     |

      @sub-option:hwprodid @spec:3.3.1:hwprodid:hw_time_enable:range @spec:3.3.1:hwprodid:query
      Examples: "hwprodid"
        | sub      | params                          | value |
        | hwprodid | "hp","{product-secret}","n1"    | 1     |

    # A14 "not-settable": no set syntax names <hw_time_enable>, so a trailing value is a parameter too many.
    @reading:A14=not-settable
    Scenario Outline: <hw_time_enable> after the "<sub>" parameters is refused where it is not settable
      When the host sends AT+QMTCFG="<sub>",0,<params>
      Then the module answers OK
      When the host sends AT+QMTCFG="<sub>",0,"other",<rest>,1
      Then by reading A14 the module answers one of:
        | trailing-optional | OK    |
        | not-settable      | ERROR |
      When the host sends AT+QMTCFG="<sub>",0
      Then by reading A14query the module answers one of:
        | printed | +QMTCFG: "<sub>",<params>,{default:hwTimeEnable} |
        | omitted | +QMTCFG: "<sub>",<params>                        |

      @sub-option:hwauth @spec:3.3.1:hwauth:hw_time_enable:range @spec:3.3.1:hwauth:query
      Examples: "hwauth"
        | sub    | params                  | rest              |
        | hwauth | "hp","{device-secret}"  | "{device-secret}" |

      @sub-option:hwprodid @spec:3.3.1:hwprodid:hw_time_enable:range @spec:3.3.1:hwprodid:query
      Examples: "hwprodid"
        | sub      | params                        | rest                    |
        | hwprodid | "hp","{product-secret}","n1"  | "{product-secret}","n1" |

    Scenario Outline: "<sub>" set with <value> is refused with ERROR
      When the host sends AT+QMTCFG="<sub>",0,<value>
      Then the module answers ERROR

      @sub-option:onenet @spec:3.3.1:onenet:set
      Examples: OneNET with a parameter too many
        | sub    | value               |
        | onenet | "p","k","extra"     |

      @sub-option:hwauth @spec:3.3.1:hwauth:hw_time_enable:range
      Examples: "hwauth" with <hw_time_enable> out of range
        | sub    | value                        |
        | hwauth | "hp","{device-secret}",2     |

      @sub-option:hwprodid @spec:3.3.1:hwprodid:hw_time_enable:range
      Examples: "hwprodid" with <hw_time_enable> out of range
        | sub      | value                              |
        | hwprodid | "hp","{product-secret}","n1",-1    |

  Rule: A partial omission keeps the previous values, or is refused (A9)

    # spec 3.1.1: "when an optional parameter of a configuration command is omitted, its previously
    # set value or its default value is used"; 3.3.1 does not say whether that holds within a bracket.
    @sub-option:aliauth @spec:3.3.1:aliauth:set @spec:3.3.1:aliauth:query
    Scenario: "aliauth" set without <device secret> keeps the previous one, or is refused
      When the host sends AT+QMTCFG="aliauth",0,"pk1","dev1","{device-secret}"
      Then the module answers OK
      When the host sends AT+QMTCFG="aliauth",0,"pk2","dev2"
      Then by reading A9 the module answers one of:
        | keep-previous | OK    |
        | error         | ERROR |
      When the host sends AT+QMTCFG="aliauth",0
      Then by reading A9 the module answers one of:
        | keep-previous | +QMTCFG: "aliauth","pk2","dev2","{device-secret}" |
        | error         | +QMTCFG: "aliauth","pk1","dev1","{device-secret}" |

  Rule: The device information cannot be changed while the client has an MQTT connection

    # A10: "created" by a successful AT+QMTOPEN (the set is refused, the information kept) or by the
    # CONNECT of AT+QMTCONN (still accepted after AT+QMTOPEN alone).
    Scenario Outline: "<sub>" cannot be set on client 0 after AT+QMTOPEN succeeded
      When the host sends AT+QMTCFG="<sub>",0,<before>
      Then the module answers OK
      Given client 0 has opened a network connection to the broker
      When the host sends AT+QMTCFG="<sub>",0,<after>
      Then by reading A10 the module answers one of:
        | after-open    | ERROR |
        | after-connect | OK    |
      When the host sends AT+QMTCFG="<sub>",0
      Then by reading A10 the module answers one of:
        | after-open    | +QMTCFG: "<sub>",<before>     |
        | after-open    | +QMTCFG: "<sub>",<before><hw> |
        | after-connect | +QMTCFG: "<sub>",<after>      |
        | after-connect | +QMTCFG: "<sub>",<after><hw>  |

      @sub-option:aliauth @spec:3.3.1:aliauth:not-while-connected
      Examples: Alibaba Cloud
        | sub     | before                          | after                          | hw |
        | aliauth | "pk0","dev0","{device-secret}"  | "pk","dev","{device-secret}"   |    |

      @sub-option:onenet @spec:3.3.1:onenet:not-while-connected
      Examples: OneNET
        | sub    | before               | after               | hw |
        | onenet | "p0","{access-key}"  | "p","{access-key}"  |    |

      @sub-option:hwauth @spec:3.3.1:hwauth:not-while-connected
      Examples: Huawei, device secret
        | sub    | before                  | after                  | hw                      |
        | hwauth | "hp0","{device-secret}" | "hp","{device-secret}" | ,{default:hwTimeEnable} |

      @sub-option:hwprodid @spec:3.3.1:hwprodid:not-while-connected
      Examples: Huawei, product secret
        | sub      | before                        | after                        | hw                      |
        | hwprodid | "hp0","{product-secret}","n0" | "hp","{product-secret}","n1" | ,{default:hwTimeEnable} |

    # Once CONNECT has gone out the connection exists in every reading of A10: the set is refused.
    Scenario Outline: "<sub>" cannot be set on client 0 while its MQTT connection is up
      Given client 0 is connected to the broker as "qmt-cfg-connected"
      When the host sends AT+QMTCFG="<sub>",0,<value>
      Then the module answers ERROR

      @sub-option:aliauth @spec:3.3.1:aliauth:not-while-connected
      Examples: Alibaba Cloud
        | sub     | value                          |
        | aliauth | "pk","dev","{device-secret}"   |

      @sub-option:onenet @spec:3.3.1:onenet:not-while-connected
      Examples: OneNET
        | sub    | value                 |
        | onenet | "p","{access-key}"    |

      @sub-option:hwauth @spec:3.3.1:hwauth:not-while-connected
      Examples: Huawei, device secret
        | sub    | value                     |
        | hwauth | "hp","{device-secret}"    |

      @sub-option:hwprodid @spec:3.3.1:hwprodid:not-while-connected
      Examples: Huawei, product secret
        | sub      | value                            |
        | hwprodid | "hp","{product-secret}","n1"     |
