@sub-option:edit/timeout
Feature: AT+QMTCFG="edit/timeout" — MQTT input-data timeout (spec 3.3.1)

  Titled "Configure MQTT data format" in the note (A17, a copy error). <edit_mode>: 0/1;
  <edit_time>: 1~120 s, set together. The query prints <edit_time> (the syntax allows leaving it out).
  Omitting the optional parameters queries the setting; giving them sets it, only while the
  client has no MQTT connection (ambiguity A10: this harness reads "connection created" as a
  successful AT+QMTOPEN, and a refused set as ERROR; a profile may read A10 otherwise).
  Every answer must come within 300 ms (spec 3.3.1 maximum response time).

  Rule: The query form reports the current setting

    @spec:3.3.1:edit/timeout:query @spec:3.3.1:max-response-time @reboot
    Scenario: A freshly restarted module reports the default "edit/timeout" setting
      Given the module has restarted
      When the host sends AT+QMTCFG="edit/timeout",0
      Then the module answers:
        """
        +QMTCFG: "edit/timeout",{default:editMode},{default:editTime}
        OK
        """

  Rule: The set form accepts exactly the documented values, and the query reports them back

    @spec:3.3.1:edit/timeout:set @spec:3.3.1:edit/timeout:query
    Scenario Outline: "edit/timeout" set to <value> on client <idx> is reported back
      When the host sends AT+QMTCFG="edit/timeout",<idx>,<value>
      Then the module answers OK
      When the host sends AT+QMTCFG="edit/timeout",<idx>
      Then the module answers:
        """
        +QMTCFG: "edit/timeout",<reported>
        OK
        """

      @spec:3.3.1:edit/timeout:edit_mode:range
      Examples: <edit_mode> in range
        | idx | value | reported |
        | 0   | 0,30 | 0,30 |
        | 3   | 1,30 | 1,30 |

      @spec:3.3.1:edit/timeout:edit_time:range
      Examples: <edit_time> in range
        | idx | value | reported |
        | 0   | 1,1 | 1,1 |
        | 3   | 1,120 | 1,120 |

    Scenario Outline: "edit/timeout" set to <value> is refused with ERROR
      When the host sends AT+QMTCFG="edit/timeout",0,<value>
      Then the module answers ERROR

      @spec:3.3.1:edit/timeout:edit_mode:range
      Examples: <edit_mode> out of range or not a number
        | value |
        | 2,30 |
        | -1,30 |
        | x,30 |

      @spec:3.3.1:edit/timeout:edit_time:range
      Examples: <edit_time> out of range or not a number
        | value |
        | 1,0 |
        | 1,121 |
        | 1,x |

      @spec:3.3.1:edit/timeout:set
      Examples: wrong number of parameters
        | value |
        | 1,30,1 |
        | 1 |

  Rule: The setting cannot be changed while the client has an MQTT connection

    @spec:3.3.1:edit/timeout:not-while-connected @reading:A10=error
    Scenario: "edit/timeout" cannot be set on client 0 after AT+QMTOPEN succeeded
      Given client 0 has opened a network connection to the broker
      When the host sends AT+QMTCFG="edit/timeout",0,1,30
      Then the module answers ERROR
