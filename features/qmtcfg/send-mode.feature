@area:qmtcfg @sub-option:send/mode
Feature: AT+QMTCFG="send/mode" — sending format of MQTT messages (spec 3.3.1)

  <send_mode>: 0 = string, 1 = hex. Default lost (A8): {default:sendMode}. Whether it is the
  same setting as "dataformat"'s <send_mode> is reading A15 ("independent" or "shared"): the rule
  at the end sees which one the module takes; every other scenario holds under both.
  Omitting the optional parameters queries the setting; giving them sets it, only while the
  client has no MQTT connection. Reading A10: "created" by a successful AT+QMTOPEN (a set after it
  is ERROR) or by the CONNECT of AT+QMTCONN (still OK after AT+QMTOPEN); once CONNECT is out every
  reading refuses, and a refused set leaves the setting as it was.
  Every answer must come within 300 ms (spec 3.3.1 maximum response time).
  Readings of the note this feature depends on (src/variants/readings.ts): A8 (sendMode), A10, A15.

  Rule: The query form reports the current setting

    @spec:3.3.1:send/mode:query @spec:3.3.1:max-response-time @reboot
    Scenario: A freshly restarted module reports the default "send/mode" setting
      Given the module has restarted
      When the host sends AT+QMTCFG="send/mode",0
      Then the module answers:
        """
        +QMTCFG: "send/mode",{default:sendMode}
        OK
        """

  Rule: The set form accepts exactly the documented values, and the query reports them back

    @spec:3.3.1:send/mode:set @spec:3.3.1:send/mode:query
    Scenario Outline: "send/mode" set to <value> on client <idx> is reported back
      When the host sends AT+QMTCFG="send/mode",<idx>,<value>
      Then the module answers OK
      When the host sends AT+QMTCFG="send/mode",<idx>
      Then the module answers:
        """
        +QMTCFG: "send/mode",<reported>
        OK
        """

      @spec:3.3.1:send/mode:send_mode:range
      Examples: <send_mode> in range
        | idx | value | reported |
        | 0   | 0 | 0 |
        | 3   | 1 | 1 |

    Scenario Outline: "send/mode" set to <value> is refused with ERROR
      When the host sends AT+QMTCFG="send/mode",0,<value>
      Then the module answers ERROR

      @spec:3.3.1:send/mode:send_mode:range
      Examples: <send_mode> out of range or not a number
        | value |
        | 2 |
        | -1 |
        | abc |
        |  |

      @spec:3.3.1:send/mode:set
      Examples: wrong number of parameters
        | value |
        | 1,1 |

  Rule: "send/mode" and "dataformat" name one <send_mode> or two (A15)

    @spec:3.3.1:send/mode:query @spec:3.3.1:dataformat:query @spec:3.3.1:send/mode:set @spec:3.3.1:dataformat:set
    Scenario: "dataformat" set after "send/mode" changes the "send/mode" setting only if they share <send_mode>
      When the host sends AT+QMTCFG="send/mode",0,1
      Then the module answers OK
      When the host sends AT+QMTCFG="dataformat",0,0,1
      Then the module answers OK
      When the host sends AT+QMTCFG="send/mode",0
      Then by reading A15 the module answers one of:
        | independent | +QMTCFG: "send/mode",1 |
        | shared      | +QMTCFG: "send/mode",0 |
      When the host sends AT+QMTCFG="dataformat",0
      Then the module answers:
        """
        +QMTCFG: "dataformat",0,1
        OK
        """

  Rule: The setting cannot be changed while the client has an MQTT connection

    # A10: "connection created" is a successful AT+QMTOPEN (the set is refused, the setting kept) or
    # the CONNECT of AT+QMTCONN (the set is still accepted after AT+QMTOPEN alone).
    @spec:3.3.1:send/mode:not-while-connected
    Scenario: "send/mode" cannot be set on client 0 after AT+QMTOPEN succeeded
      When the host sends AT+QMTCFG="send/mode",0,1
      Then the module answers OK
      Given client 0 has opened a network connection to the broker
      When the host sends AT+QMTCFG="send/mode",0,0
      Then by reading A10 the module answers one of:
        | after-open    | ERROR |
        | after-connect | OK    |
      When the host sends AT+QMTCFG="send/mode",0
      Then by reading A10 the module answers one of:
        | after-open    | +QMTCFG: "send/mode",1 |
        | after-connect | +QMTCFG: "send/mode",0 |

    # Once CONNECT has gone out the connection exists in every reading of A10: the set is refused.
    @spec:3.3.1:send/mode:not-while-connected
    Scenario: "send/mode" cannot be set on client 0 while its MQTT connection is up
      Given client 0 is connected to the broker as "qmt-cfg-connected"
      When the host sends AT+QMTCFG="send/mode",0,0
      Then the module answers ERROR
