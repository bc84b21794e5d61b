@sub-option:view/mode
Feature: AT+QMTCFG="view/mode" — echo of MQTT data in transparent transmission mode (spec 3.3.1)

  <view_mode>: 0 = no echo, 1 = echo. The transparent mode itself is not described by the note
  (A16), so only the setting is checked.
  Omitting the optional parameters queries the setting; giving them sets it, only while the
  client has no MQTT connection (ambiguity A10: this harness reads "connection created" as a
  successful AT+QMTOPEN, and a refused set as ERROR; a profile may read A10 otherwise).
  Every answer must come within 300 ms (spec 3.3.1 maximum response time).

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

    @spec:3.3.1:view/mode:not-while-connected @reading:A10=error
    Scenario: "view/mode" cannot be set on client 0 after AT+QMTOPEN succeeded
      Given client 0 has opened a network connection to the broker
      When the host sends AT+QMTCFG="view/mode",0,1
      Then the module answers ERROR
