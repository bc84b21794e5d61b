@area:qmtcfg @sub-option:pdpcid
Feature: AT+QMTCFG="pdpcid" — PDP context used by the MQTT client (spec 3.3.1)

  <cid>: 1~15, default 1 (stated).
  Omitting the optional parameters queries the setting; giving them sets it, only while the
  client has no MQTT connection. Reading A10: "created" by a successful AT+QMTOPEN (a set after it
  is ERROR) or by the CONNECT of AT+QMTCONN (still OK after AT+QMTOPEN); once CONNECT is out every
  reading refuses, and a refused set leaves the setting as it was.
  Every answer must come within 300 ms (spec 3.3.1 maximum response time).
  Readings of the note this feature depends on (src/variants/readings.ts): A10.

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

    # A10: "connection created" is a successful AT+QMTOPEN (the set is refused, the setting kept) or
    # the CONNECT of AT+QMTCONN (the set is still accepted after AT+QMTOPEN alone).
    @spec:3.3.1:pdpcid:not-while-connected
    Scenario: "pdpcid" cannot be set on client 0 after AT+QMTOPEN succeeded
      When the host sends AT+QMTCFG="pdpcid",0,1
      Then the module answers OK
      Given client 0 has opened a network connection to the broker
      When the host sends AT+QMTCFG="pdpcid",0,2
      Then by reading A10 the module answers one of:
        | after-open    | ERROR |
        | after-connect | OK    |
      When the host sends AT+QMTCFG="pdpcid",0
      Then by reading A10 the module answers one of:
        | after-open    | +QMTCFG: "pdpcid",1 |
        | after-connect | +QMTCFG: "pdpcid",2 |

    # Once CONNECT has gone out the connection exists in every reading of A10: the set is refused.
    @spec:3.3.1:pdpcid:not-while-connected
    Scenario: "pdpcid" cannot be set on client 0 while its MQTT connection is up
      Given client 0 is connected to the broker as "qmt-cfg-connected"
      When the host sends AT+QMTCFG="pdpcid",0,2
      Then the module answers ERROR
