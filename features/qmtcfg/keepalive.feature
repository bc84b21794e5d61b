@area:qmtcfg @sub-option:keepalive
Feature: AT+QMTCFG="keepalive" — keep-alive time (spec 3.3.1)

  <keep_alive_time>: 0~3600 s, default 120 (stated). 0 means the client is never
  disconnected for silence. What CONNECT carries is checked in qmtconn.feature.
  Omitting the optional parameters queries the setting; giving them sets it, only while the
  client has no MQTT connection. Reading A10: "created" by a successful AT+QMTOPEN (a set after it
  is ERROR) or by the CONNECT of AT+QMTCONN (still OK after AT+QMTOPEN); once CONNECT is out every
  reading refuses, and a refused set leaves the setting as it was.
  Every answer must come within 300 ms (spec 3.3.1 maximum response time). An empty value
  (AT+QMTCFG="keepalive",0,) is not judged: whether an empty field is an omitted parameter (spec
  3.1.1, as in V.25ter) or an error, the note does not say.
  Readings of the note this feature depends on (src/variants/readings.ts): A10.

  Rule: The query form reports the current setting

    @spec:3.3.1:keepalive:query @spec:3.3.1:max-response-time @spec:3.3.1:keepalive:keep_alive_time:default @reboot
    Scenario: A freshly restarted module reports the default "keepalive" setting
      Given the module has restarted
      When the host sends AT+QMTCFG="keepalive",0
      Then the module answers:
        """
        +QMTCFG: "keepalive",120
        OK
        """

  Rule: The set form accepts exactly the documented values, and the query reports them back

    @spec:3.3.1:keepalive:set @spec:3.3.1:keepalive:query
    Scenario Outline: "keepalive" set to <value> on client <idx> is reported back
      When the host sends AT+QMTCFG="keepalive",<idx>,<value>
      Then the module answers OK
      When the host sends AT+QMTCFG="keepalive",<idx>
      Then the module answers:
        """
        +QMTCFG: "keepalive",<reported>
        OK
        """

      @spec:3.3.1:keepalive:keep_alive_time:range
      Examples: <keep_alive_time> in range
        | idx | value | reported |
        | 0   | 0 | 0 |
        | 3   | 120 | 120 |
        | 5   | 3600 | 3600 |

    Scenario Outline: "keepalive" set to <value> is refused with ERROR
      When the host sends AT+QMTCFG="keepalive",0,<value>
      Then the module answers ERROR

      @spec:3.3.1:keepalive:keep_alive_time:range
      Examples: <keep_alive_time> out of range or not a number
        | value |
        | -1 |
        | 3601 |
        | abc |

      @spec:3.3.1:keepalive:set
      Examples: wrong number of parameters
        | value |
        | 60,1 |

  Rule: The setting cannot be changed while the client has an MQTT connection

    # A10: "connection created" is a successful AT+QMTOPEN (the set is refused, the setting kept) or
    # the CONNECT of AT+QMTCONN (the set is still accepted after AT+QMTOPEN alone).
    @spec:3.3.1:keepalive:not-while-connected
    Scenario: "keepalive" cannot be set on client 0 after AT+QMTOPEN succeeded
      When the host sends AT+QMTCFG="keepalive",0,60
      Then the module answers OK
      Given client 0 has opened a network connection to the broker
      When the host sends AT+QMTCFG="keepalive",0,30
      Then by reading A10 the module answers one of:
        | after-open    | ERROR |
        | after-connect | OK    |
      When the host sends AT+QMTCFG="keepalive",0
      Then by reading A10 the module answers one of:
        | after-open    | +QMTCFG: "keepalive",60 |
        | after-connect | +QMTCFG: "keepalive",30 |

    # Once CONNECT has gone out the connection exists in every reading of A10: the set is refused.
    @spec:3.3.1:keepalive:not-while-connected
    Scenario: "keepalive" cannot be set on client 0 while its MQTT connection is up
      Given client 0 is connected to the broker as "qmt-cfg-connected"
      When the host sends AT+QMTCFG="keepalive",0,30
      Then the module answers ERROR
