@sub-option:pdpcid
Feature: AT+QMTCFG="pdpcid" — PDP context used by the MQTT client (spec 3.3.1)

  <cid>: 1~15, default 1 (stated).
  Omitting the optional parameters queries the setting; giving them sets it, only while the
  client has no MQTT connection (ambiguity A10: this harness reads "connection created" as a
  successful AT+QMTOPEN, and a refused set as ERROR; a profile may read A10 otherwise).
  Every answer must come within 300 ms (spec 3.3.1 maximum response time).

  Rule: The query form reports the current setting

    @spec:3.3.1:pdpcid:query @spec:3.3.1:max-response-time @spec:3.3.1:pdpcid:cid:default @reboot
    Scenario: A freshly restarted module reports the default "pdpcid" setting
      Given the module has restarted
      When the host sends AT+QMTCFG="pdpcid",0
      Then the module answers:
        """
        +QMTCFG: "pdpcid",1
        OK
        """

  Rule: The set form accepts exactly the documented values, and the query reports them back

    @spec:3.3.1:pdpcid:set @spec:3.3.1:pdpcid:query
    Scenario Outline: "pdpcid" set to <value> on client <idx> is reported back
      When the host sends AT+QMTCFG="pdpcid",<idx>,<value>
      Then the module answers OK
      When the host sends AT+QMTCFG="pdpcid",<idx>
      Then the module answers:
        """
        +QMTCFG: "pdpcid",<reported>
        OK
        """

      @spec:3.3.1:pdpcid:cid:range
      Examples: <cid> in range
        | idx | value | reported |
        | 0   | 1 | 1 |
        | 3   | 8 | 8 |
        | 5   | 15 | 15 |

    Scenario Outline: "pdpcid" set to <value> is refused with ERROR
      When the host sends AT+QMTCFG="pdpcid",0,<value>
      Then the module answers ERROR

      @spec:3.3.1:pdpcid:cid:range
      Examples: <cid> out of range or not a number
        | value |
        | 0 |
        | 16 |
        | abc |
        |  |

      @spec:3.3.1:pdpcid:set
      Examples: wrong number of parameters
        | value |
        | 1,1 |

  Rule: The setting cannot be changed while the client has an MQTT connection

    @spec:3.3.1:pdpcid:not-while-connected @reading:A10=error
    Scenario: "pdpcid" cannot be set on client 0 after AT+QMTOPEN succeeded
      Given client 0 has opened a network connection to the broker
      When the host sends AT+QMTCFG="pdpcid",0,15
      Then the module answers ERROR
