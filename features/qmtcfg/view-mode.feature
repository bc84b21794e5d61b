@area:qmtcfg @sub-option:view/mode
Feature: AT+QMTCFG="view/mode" — echo of MQTT data in transparent transmission mode (spec 3.3.1)

  <view_mode>: 0 = no echo, 1 = echo. The transparent mode itself is not described by the note
  (A16), so only the setting is checked.
  Omitting the optional parameters queries the setting; giving them sets it, only while the
  client has no MQTT connection. Reading A10: "created" by a successful AT+QMTOPEN (a set after it
  is ERROR) or by the CONNECT of AT+QMTCONN (still OK after AT+QMTOPEN); once CONNECT is out every
  reading refuses, and a refused set leaves the setting as it was.
  Every answer must come within 300 ms (spec 3.3.1 maximum response time).
  Readings of the note this feature depends on (src/variants/readings.ts): A8 (viewMode), A10.

  Rule: The query form reports the current setting

    @spec:3.3.1:view/mode:query @spec:3.3.1:max-response-time @reboot
    Scenario: A freshly restarted module reports the default "view/mode" setting
      Given the module has restarted
      When the host sends AT+QMTCFG="view/mode",0
      Then the module answers:
        """
        +QMTCFG: "view/mode",{default:viewMode}
        OK
        """

  Rule: The set form accepts exactly the documented values, and the query reports them back

    @spec:3.3.1:view/mode:set @spec:3.3.1:view/mode:query
    Scenario Outline: "view/mode" set to <value> on client <idx> is reported back
      When the host sends AT+QMTCFG="view/mode",<idx>,<value>
      Then the module answers OK
      When the host sends AT+QMTCFG="view/mode",<idx>
      Then the module answers:
        """
        +QMTCFG: "view/mode",<reported>
        OK
        """

      @spec:3.3.1:view/mode:view_mode:range
      Examples: <view_mode> in range
        | idx | value | reported |
        | 0   | 0 | 0 |
        | 3   | 1 | 1 |

    Scenario Outline: "view/mode" set to <value> is refused with ERROR
      When the host sends AT+QMTCFG="view/mode",0,<value>
      Then the module answers ERROR

      @spec:3.3.1:view/mode:view_mode:range
      Examples: <view_mode> out of range or not a number
        | value |
        | 2 |
        | -1 |
        | abc |
        |  |

      @spec:3.3.1:view/mode:set
      Examples: wrong number of parameters
        | value |
        | 1,1 |

  Rule: The setting cannot be changed while the client has an MQTT connection

    # A10: "connection created" is a successful AT+QMTOPEN (the set is refused, the setting kept) or
    # the CONNECT of AT+QMTCONN (the set is still accepted after AT+QMTOPEN alone).
    @spec:3.3.1:view/mode:not-while-connected
    Scenario: "view/mode" cannot be set on client 0 after AT+QMTOPEN succeeded
      When the host sends AT+QMTCFG="view/mode",0,1
      Then the module answers OK
      Given client 0 has opened a network connection to the broker
      When the host sends AT+QMTCFG="view/mode",0,0
      Then by reading A10 the module answers one of:
        | after-open    | ERROR |
        | after-connect | OK    |
      When the host sends AT+QMTCFG="view/mode",0
      Then by reading A10 the module answers one of:
        | after-open    | +QMTCFG: "view/mode",1 |
        | after-connect | +QMTCFG: "view/mode",0 |

    # Once CONNECT has gone out the connection exists in every reading of A10: the set is refused.
    @spec:3.3.1:view/mode:not-while-connected
    Scenario: "view/mode" cannot be set on client 0 while its MQTT connection is up
      Given client 0 is connected to the broker as "qmt-cfg-connected"
      When the host sends AT+QMTCFG="view/mode",0,0
      Then the module answers ERROR
