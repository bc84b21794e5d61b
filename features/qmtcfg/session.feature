@area:qmtcfg @sub-option:session
Feature: AT+QMTCFG="session" — session type (clean session) (spec 3.3.1)

  <clean_session>: 0 = the server keeps the session, 1 = clean. Default lost with the
  underlining (A8): any allowed value passes and is recorded; --profile checks the declared one ({default:cleanSession}).
  Omitting the optional parameters queries the setting; giving them sets it, only while the
  client has no MQTT connection. Reading A10: "created" by a successful AT+QMTOPEN (a set after it
  is ERROR) or by the CONNECT of AT+QMTCONN (still OK after AT+QMTOPEN); once CONNECT is out every
  reading refuses, and a refused set leaves the setting as it was.
  Every answer must come within 300 ms (spec 3.3.1 maximum response time).
  Readings of the note this feature depends on (src/variants/readings.ts): A8 (cleanSession), A10.

  Rule: The query form reports the current setting

    @spec:3.3.1:session:query @spec:3.3.1:max-response-time @reboot
    Scenario: A freshly restarted module reports the default "session" setting
      Given the module has restarted
      When the host sends AT+QMTCFG="session",0
      Then the module answers:
        """
        +QMTCFG: "session",{default:cleanSession}
        OK
        """

  Rule: The set form accepts exactly the documented values, and the query reports them back

    @spec:3.3.1:session:set @spec:3.3.1:session:query
    Scenario Outline: "session" set to <value> on client <idx> is reported back
      When the host sends AT+QMTCFG="session",<idx>,<value>
      Then the module answers OK
      When the host sends AT+QMTCFG="session",<idx>
      Then the module answers:
        """
        +QMTCFG: "session",<reported>
        OK
        """

      @spec:3.3.1:session:clean_session:range
      Examples: <clean_session> in range
        | idx | value | reported |
        | 0   | 0 | 0 |
        | 3   | 1 | 1 |

    Scenario Outline: "session" set to <value> is refused with ERROR
      When the host sends AT+QMTCFG="session",0,<value>
      Then the module answers ERROR

      @spec:3.3.1:session:clean_session:range
      Examples: <clean_session> out of range or not a number
        | value |
        | 2 |
        | -1 |
        | abc |
        |  |

      @spec:3.3.1:session:set
      Examples: wrong number of parameters
        | value |
        | 1,1 |

  Rule: The setting cannot be changed while the client has an MQTT connection

    # A10: "connection created" is a successful AT+QMTOPEN (the set is refused, the setting kept) or
    # the CONNECT of AT+QMTCONN (the set is still accepted after AT+QMTOPEN alone).
    @spec:3.3.1:session:not-while-connected
    Scenario: "session" cannot be set on client 0 after AT+QMTOPEN succeeded
      When the host sends AT+QMTCFG="session",0,0
      Then the module answers OK
      Given client 0 has opened a network connection to the broker
      When the host sends AT+QMTCFG="session",0,1
      Then by reading A10 the module answers one of:
        | after-open    | ERROR |
        | after-connect | OK    |
      When the host sends AT+QMTCFG="session",0
      Then by reading A10 the module answers one of:
        | after-open    | +QMTCFG: "session",0 |
        | after-connect | +QMTCFG: "session",1 |

    # Once CONNECT has gone out the connection exists in every reading of A10: the set is refused.
    @spec:3.3.1:session:not-while-connected
    Scenario: "session" cannot be set on client 0 while its MQTT connection is up
      Given client 0 is connected to the broker as "qmt-cfg-connected"
      When the host sends AT+QMTCFG="session",0,1
      Then the module answers ERROR
