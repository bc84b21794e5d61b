@area:qmtcfg @cloud-auth
Feature: AT+QMTCFG cloud device information — "aliauth", "onenet", "hwauth", "hwprodid" (spec 3.3.1)

  Device information for Alibaba Cloud ("aliauth": product key, device name, device secret),
  China Mobile OneNET ("onenet": product id, access key) and the Huawei IoT platform ("hwauth":
  product id, device secret; "hwprodid": product id, product secret, node id). Secrets in these
  scenarios are made up per run ({device-secret} …) and masked in every transcript and report.
  The query prints "<produc key>" in the note (A12, a typo): the field is the product key.
  <hw_time_enable> appears only in the Huawei query answers (A14); profiles reading A14 as
  "trailing-optional" accept it as a last set parameter (0/1). Whether the module derives the
  right credentials from them is checked on the wire in mqtt-behaviour/cloud-auth.feature.

  Rule: The set form stores the device information and the query reports it

    Scenario Outline: "<sub>" set on client <idx> is reported back
      When the host sends AT+QMTCFG="<sub>",<idx>,<value>
      Then the module answers OK
      When the host sends AT+QMTCFG="<sub>",<idx>
      Then the module answers:
        """
        +QMTCFG: "<sub>",<reported>
        OK
        """

      @sub-option:aliauth @spec:3.3.1:aliauth:set @spec:3.3.1:aliauth:query @spec:3.3.1:max-response-time
      Examples: Alibaba Cloud
        | sub     | idx | value                                  | reported                               |
        | aliauth | 0   | "a1pk","dev-01","{device-secret}"      | "a1pk","dev-01","{device-secret}"      |
        | aliauth | 5   | "pk2","dev-05","{device-secret}"       | "pk2","dev-05","{device-secret}"       |

      @sub-option:onenet @spec:3.3.1:onenet:set @spec:3.3.1:onenet:query
      Examples: China Mobile OneNET
        | sub    | idx | value                 | reported              |
        | onenet | 0   | "512345","{access-key}" | "512345","{access-key}" |

      @sub-option:hwauth @spec:3.3.1:hwauth:set @spec:3.3.1:hwauth:query
      Examples: Huawei IoT, device secret
        | sub    | idx | value                        | reported                                              |
        | hwauth | 1   | "hwprod1","{device-secret}"  | "hwprod1","{device-secret}",{default:hwTimeEnable}    |

      @sub-option:hwprodid @spec:3.3.1:hwprodid:set @spec:3.3.1:hwprodid:query
      Examples: Huawei IoT, product secret
        | sub      | idx | value                                  | reported                                                         |
        | hwprodid | 2   | "hwprod2","{product-secret}","node-7"  | "hwprod2","{product-secret}","node-7",{default:hwTimeEnable}     |

    @reading:A14=trailing-optional
    Scenario Outline: <hw_time_enable> <value> after the "<sub>" parameters is stored
      When the host sends AT+QMTCFG="<sub>",0,<params>,<value>
      Then the module answers OK
      When the host sends AT+QMTCFG="<sub>",0
      Then the module answers:
        """
        +QMTCFG: "<sub>",<params>,<value>
        OK
        """

      @sub-option:hwauth @spec:3.3.1:hwauth:hw_time_enable:range @spec:3.3.1:hwauth:query
      Examples: "hwauth"
        | sub    | params                      | value |
        | hwauth | "hp","{device-secret}"      | 0     |
        | hwauth | "hp","{device-secret}"      | 1     |

      @sub-option:hwprodid @spec:3.3.1:hwprodid:hw_time_enable:range @spec:3.3.1:hwprodid:query
      Examples: "hwprodid"
        | sub      | params                          | value |
        | hwprodid | "hp","{product-secret}","n1"    | 1     |

    Scenario Outline: "<sub>" set with <value> is refused with ERROR
      When the host sends AT+QMTCFG="<sub>",0,<value>
      Then the module answers ERROR

      @sub-option:aliauth @spec:3.3.1:aliauth:set
      Examples: Alibaba Cloud with a parameter missing
        | sub     | value          |
        | aliauth | "pk","dev"     |

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

  Rule: The device information cannot be changed while the client has an MQTT connection

    @reading:A10=error
    Scenario Outline: "<sub>" cannot be set on client 0 after AT+QMTOPEN succeeded
      Given client 0 has opened a network connection to the broker
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
